import { randomUUID } from 'node:crypto';
import type { TRole } from '../../../shared/permissions.ts';
import type { Queryable } from '../../db/client.ts';
import type { CprCipher } from '../../modules/children/cpr.ts';
import { insertRows } from '../bulk-insert.ts';
import { seedFactorCatalogue } from '../catalogues/factor-catalogue.ts';
import { todayIso } from '../dates.ts';
import type { TEnrolmentRow } from '../enrolments.ts';
import { insertOrganisation } from '../insert-organisation.ts';
import { buildOrganisation, type TLocalArea } from '../org.ts';
import { buildPopulation } from '../population.ts';
import { createRng, type Rng, seedFromText } from '../rng.ts';
import { seedDemoAssessments } from './demo-assessments.ts';
import { caseworkersByTeam, seedDemoCases } from './demo-cases.ts';
import { seedDemoConcerns } from './demo-concerns.ts';
import { seedDemoConferences } from './demo-conferences.ts';
import { seedDemoLearning } from './demo-learning.ts';
import { seedDemoLeisurePasses } from './demo-leisure-passes.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedDemoNetwork } from './demo-network.ts';
import { seedDemoNotices } from './demo-notices.ts';
import { seedDemoNotifications } from './demo-notifications.ts';
import { seedDemoOffers } from './demo-offers.ts';
import { buildDemoUsers } from './demo-users.ts';

export interface TMunicipalitySpec {
  slug: string;
  code: string;
  name: string;
  /** Demo logins are `<role>@<emailDomain>`. */
  emailDomain: string;
  children: number;
  rng: Rng;
  /** One argon2 hash shared by every demo login; hashing per user would dominate the seed time. */
  passwordHash: string;
  /** The day ages and enrolments are counted from; defaults to today. */
  today?: string;
  /** Assessment rounds with joint assessments and the measurement rollup (the demo municipalities). */
  assessments?: boolean;
}

export interface TSeededMunicipality {
  id: string;
  slug: string;
  name: string;
  units: number;
  children: number;
  families: number;
  enrolments: number;
  /** Joint and own assessments seeded (0 without `assessments`). */
  assessments: number;
  logins: { email: string; role: TRole }[];
}

/** The unit among `ids` with the most children enrolled now, so a demo login has children to see. */
function busiest(ids: readonly string[], enrolments: readonly TEnrolmentRow[]): string {
  const current = new Map<string, number>();
  for (const e of enrolments)
    if (e.to_date === null) current.set(e.unit_id, (current.get(e.unit_id) ?? 0) + 1);
  const sorted = [...ids].sort((a, b) => (current.get(b) ?? 0) - (current.get(a) ?? 0));
  if (sorted[0] === undefined) throw new Error('No unit to choose from');
  return sorted[0];
}

/**
 * Creates one synthetic municipality: districts, units, teams, families with children, guardians
 * and enrolments, and one demo login per role. Runs inside the caller's transaction.
 */
export async function seedMunicipality(
  q: Queryable,
  cipher: CprCipher,
  spec: TMunicipalitySpec,
): Promise<TSeededMunicipality> {
  const id = randomUUID();
  const today = spec.today ?? todayIso();
  const org = buildOrganisation(spec.rng, id, spec.children);
  const people = buildPopulation(spec.rng, cipher, org, {
    municipalityId: id,
    children: spec.children,
    today,
  });
  const home = org.areas[0] as TLocalArea;
  const { users, roleAssignments, logins } = buildDemoUsers(id, spec.emailDomain, spec.passwordHash, {
    daycareId: busiest(home.daycares, people.enrolments),
    schoolId: busiest(home.schools, people.enrolments),
    civilSocietyId: org.civilSocietyIds[0] as string,
    teamId: org.firstTeamId,
    secondTeamId: org.teams[1]?.id,
  });

  await insertOrganisation(
    q,
    { id, code: spec.code, name: spec.name, slug: spec.slug },
    org,
    users,
    roleAssignments,
  );
  await insertRows(q, 'families', { municipality_id: 'uuid', id: 'uuid', name: 'text' }, people.families);
  await insertRows(
    q,
    'households',
    { municipality_id: 'uuid', id: 'uuid', address: 'text', postal_code: 'text', city: 'text' },
    people.households,
  );
  await insertRows(
    q,
    'children',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      first_name: 'text',
      last_name: 'text',
      birth_date: 'date',
      gender: 'gender',
      cpr_encrypted: 'bytea',
      cpr_hash: 'bytea',
      family_id: 'uuid',
    },
    people.children,
  );
  await insertRows(
    q,
    'child_households',
    { municipality_id: 'uuid', child_id: 'uuid', household_id: 'uuid', is_primary: 'boolean' },
    people.childHouseholds,
  );
  await insertRows(
    q,
    'guardians',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      first_name: 'text',
      last_name: 'text',
      phone: 'text',
      email: 'text',
      household_id: 'uuid',
    },
    people.guardians,
  );
  await insertRows(
    q,
    'child_guardians',
    {
      municipality_id: 'uuid',
      child_id: 'uuid',
      guardian_id: 'uuid',
      relation: 'text',
      has_custody: 'boolean',
    },
    people.childGuardians,
  );
  await insertRows(
    q,
    'enrolments',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      child_id: 'uuid',
      unit_id: 'uuid',
      group_name: 'text',
      from_date: 'date',
      to_date: 'date',
    },
    people.enrolments,
  );
  const catalogue = await seedFactorCatalogue(q, id, spec.slug);
  let assessments = 0;
  if (spec.assessments) {
    const userId = (role: TRole) => {
      const email = logins.find((l) => l.role === role)?.email;
      const user = users.find((u) => u.email === email);
      if (!user) throw new Error(`No demo ${role}`);
      return user.id;
    };
    const professionalId = userId('professional');
    const seeded = await seedDemoAssessments(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:assessments`)),
      catalogue,
      children: people.children,
      enrolments: people.enrolments,
      units: org.units,
      unitLeaderId: userId('unitLeader'),
      professional: {
        id: professionalId,
        unitIds: roleAssignments.filter((a) => a.user_id === professionalId).flatMap((a) => a.unit_id ?? []),
      },
      adminId: userId('admin'),
      today,
    });
    assessments = seeded.joint + seeded.own;
    await seedDemoNotifications(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:notifications`)),
      people,
      professional: {
        id: professionalId,
        unitIds: roleAssignments.filter((a) => a.user_id === professionalId).flatMap((a) => a.unit_id ?? []),
      },
      unitLeader: {
        id: userId('unitLeader'),
        unitIds: roleAssignments
          .filter((a) => a.user_id === userId('unitLeader'))
          .flatMap((a) => a.unit_id ?? []),
      },
      caseworkerId: userId('caseworker'),
      managerId: userId('caseworkManager'),
    });
    await seedDemoCases(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:cases`)),
      today,
      teams: caseworkersByTeam(roleAssignments),
      children: people.children,
      childGuardians: people.childGuardians,
      protectiveCodes: catalogue.factors.filter((f) => f.kind === 'protective').map((f) => f.code),
    });
    await seedDemoConcerns(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:concerns`)),
      catalogue,
      enrolments: people.enrolments,
      units: org.units,
      professional: {
        id: professionalId,
        unitIds: roleAssignments.filter((a) => a.user_id === professionalId).flatMap((a) => a.unit_id ?? []),
      },
      unitLeaderId: userId('unitLeader'),
      today,
    });
    await seedDemoMeetings(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:meetings`)),
      schoolId: roleAssignments.find((a) => a.user_id === userId('unitLeader'))?.unit_id as string,
      leaderId: userId('unitLeader'),
      professionalId,
      caseworkerId: userId('caseworker'),
      today,
    });
    await seedDemoOffers(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:offers`)),
      today,
      professionalId,
      professionalUnitIds: roleAssignments
        .filter((a) => a.user_id === professionalId)
        .flatMap((a) => a.unit_id ?? []),
      managerId: userId('caseworkManager'),
      adminId: userId('admin'),
      partnerId: userId('partner'),
      partner2Id: users.find((u) => u.email.startsWith('partner2@'))?.id as string,
    });
    await seedDemoLeisurePasses(q, { municipalityId: id, today, professionalId });
    await seedDemoLearning(q, {
      municipalityId: id,
      rng: createRng(seedFromText(`${spec.slug}:learning`)),
      referrerId: professionalId,
      referrerUnitIds: roleAssignments
        .filter((a) => a.user_id === professionalId)
        .flatMap((a) => a.unit_id ?? []),
      answererId: userId('admin'),
    });
    await seedDemoNetwork(q, {
      municipalityId: id,
      professionalId,
      professionalUnitIds: roleAssignments
        .filter((a) => a.user_id === professionalId)
        .flatMap((a) => a.unit_id ?? []),
      caseworkerId: userId('caseworker'),
    });
    await seedDemoConferences(q, {
      municipalityId: id,
      coordinatorId: userId('conferenceCoordinator'),
      professionalId,
      unitLeaderId: userId('unitLeader'),
      schoolId: roleAssignments.find((a) => a.user_id === userId('unitLeader'))?.unit_id as string,
    });
    const unitKind = new Map(org.units.map((u) => [u.id, u.kind]));
    await seedDemoNotices(q, {
      municipalityId: id,
      schoolId: roleAssignments.find((a) => a.user_id === userId('unitLeader'))?.unit_id as string,
      daycareId: roleAssignments.find(
        (a) => a.user_id === professionalId && a.unit_id && unitKind.get(a.unit_id) === 'daycare',
      )?.unit_id as string,
      unitLeaderId: userId('unitLeader'),
      professionalId,
    });
  }

  return {
    id,
    slug: spec.slug,
    name: spec.name,
    units: org.units.length,
    children: people.children.length,
    families: people.families.length,
    enrolments: people.enrolments.length,
    assessments,
    logins,
  };
}

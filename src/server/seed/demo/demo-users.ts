import { randomUUID } from 'node:crypto';
import { ROLES, type TRole } from '../../../shared/permissions.ts';
import { ROLE_PERSONAS } from '../names.ts';

export interface TUserRow {
  municipality_id: string;
  id: string;
  email: string;
  name: string;
  password_hash: string;
  locale: 'da';
  is_demo: boolean;
}
export interface TRoleAssignmentRow {
  municipality_id: string;
  id: string;
  user_id: string;
  role: TRole;
  unit_id: string | null;
  team_id: string | null;
}

/** Where each demo role works; roles without a place see the municipality as their permissions allow. */
export interface TDemoPlaces {
  daycareId: string;
  schoolId: string;
  civilSocietyId: string;
  teamId: string;
  /** A second caseworkers' team: with it, extra caseworkers are added (see EXTRA_CASEWORKERS). */
  secondTeamId?: string;
}

/**
 * More caseworkers than one per role, so cases can be reassigned within a team and refused across teams:
 * two more in the demo caseworker's team, one in a second team. They log in like the role logins.
 */
export const EXTRA_CASEWORKERS = [
  { local: 'caseworker2', name: 'Niels Nyborg', team: 'first' },
  { local: 'caseworker3', name: 'Sofie Sand', team: 'first' },
  { local: 'caseworker4', name: 'Jonas Juhl', team: 'second' },
] as const;

/**
 * A second partner login, for an association, beside `partner@` (a civil-society organisation): each belongs to
 * its own provider of offers (demo-offers.ts), so each sees only the referrals to its own offers.
 */
export const EXTRA_PARTNERS = [{ local: 'partner2', name: 'Bo Boldklub' }] as const;

/** Stored in lower case: addresses are unique case-insensitively, so that is how they are looked up. */
export function demoEmail(role: TRole, emailDomain: string): string {
  return `${role}@${emailDomain}`;
}

function scopesFor(role: TRole, places: TDemoPlaces): { unit_id: string | null; team_id: string | null }[] {
  switch (role) {
    case 'professional':
      return [
        { unit_id: places.daycareId, team_id: null },
        { unit_id: places.schoolId, team_id: null },
      ];
    case 'unitLeader':
      return [{ unit_id: places.schoolId, team_id: null }];
    case 'partner':
      return [{ unit_id: places.civilSocietyId, team_id: null }];
    case 'caseworker':
    case 'caseworkManager':
      return [{ unit_id: null, team_id: places.teamId }];
    default:
      return [{ unit_id: null, team_id: null }];
  }
}

/** One demo login per role, all sharing one password hash (argon2 is deliberately slow). */
export function buildDemoUsers(
  municipalityId: string,
  emailDomain: string,
  passwordHash: string,
  places: TDemoPlaces,
): { users: TUserRow[]; roleAssignments: TRoleAssignmentRow[]; logins: { email: string; role: TRole }[] } {
  const users: TUserRow[] = [];
  const roleAssignments: TRoleAssignmentRow[] = [];
  const logins: { email: string; role: TRole }[] = [];
  for (const role of ROLES) {
    const user: TUserRow = {
      municipality_id: municipalityId,
      id: randomUUID(),
      email: demoEmail(role, emailDomain),
      name: `${ROLE_PERSONAS[role]} (demo)`,
      password_hash: passwordHash,
      locale: 'da',
      is_demo: true,
    };
    users.push(user);
    logins.push({ email: user.email, role });
    for (const scope of scopesFor(role, places)) {
      roleAssignments.push({
        municipality_id: municipalityId,
        id: randomUUID(),
        user_id: user.id,
        role,
        ...scope,
      });
    }
  }
  if (places.secondTeamId) {
    for (const extra of EXTRA_CASEWORKERS) {
      const user: TUserRow = {
        municipality_id: municipalityId,
        id: randomUUID(),
        email: `${extra.local}@${emailDomain}`,
        name: `${extra.name} (demo)`,
        password_hash: passwordHash,
        locale: 'da',
        is_demo: true,
      };
      users.push(user);
      logins.push({ email: user.email, role: 'caseworker' });
      roleAssignments.push({
        municipality_id: municipalityId,
        id: randomUUID(),
        user_id: user.id,
        role: 'caseworker',
        unit_id: null,
        team_id: extra.team === 'first' ? places.teamId : places.secondTeamId,
      });
    }
  }
  for (const extra of EXTRA_PARTNERS) {
    const user: TUserRow = {
      municipality_id: municipalityId,
      id: randomUUID(),
      email: `${extra.local}@${emailDomain}`,
      name: `${extra.name} (demo)`,
      password_hash: passwordHash,
      locale: 'da',
      is_demo: true,
    };
    users.push(user);
    logins.push({ email: user.email, role: 'partner' });
    roleAssignments.push({
      municipality_id: municipalityId,
      id: randomUUID(),
      user_id: user.id,
      role: 'partner',
      unit_id: null,
      team_id: null,
    });
  }
  return { users, roleAssignments, logins };
}

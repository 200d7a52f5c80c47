import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { markNoticesDue } from '../../modules/notices/mark-notices-due.ts';

export interface TDemoNetworkInput {
  municipalityId: string;
  professionalId: string;
  professionalUnitIds: readonly string[];
  caseworkerId: string;
}

interface TDemoPerson {
  name: string;
  relation: string;
  note: string | null;
  role: 'resource' | 'strain' | 'both';
  offer: string | null;
  tie: 'strong' | 'weak' | 'strained';
  step?: boolean;
  guardians: 'agreed' | 'declined' | 'notAsked';
}

const PEOPLE: readonly TDemoPerson[] = [
  {
    name: 'Inge Mortensen',
    relation: 'grandparent',
    note: 'mormor',
    role: 'resource',
    offer: 'Henter fra skole om tirsdagen og har børnene en weekend om måneden.',
    tie: 'strong',
    guardians: 'agreed',
  },
  {
    name: 'Karsten Friis',
    relation: 'coach',
    note: 'træner i Demo Boldklub',
    role: 'resource',
    offer: 'Træning to gange om ugen og kørsel til kampe om lørdagen.',
    tie: 'strong',
    guardians: 'agreed',
  },
  {
    name: 'Hanne Lund',
    relation: 'neighbour',
    note: null,
    role: 'resource',
    offer: 'Kan passe børnene, når mor arbejder om aftenen.',
    tie: 'weak',
    guardians: 'agreed',
  },
  {
    name: 'Lone Bech',
    relation: 'grandparent',
    note: 'farmor',
    role: 'both',
    offer: 'Vil gerne have børnene på besøg, men der er konflikter mellem hende og far.',
    tie: 'strained',
    guardians: 'notAsked',
  },
  {
    name: 'Peter Holm',
    relation: 'auntUncle',
    note: 'morbror, gift med mors søster',
    role: 'resource',
    offer: 'Tager med i svømmehallen om søndagen.',
    tie: 'weak',
    step: true,
    guardians: 'agreed',
  },
  {
    name: 'Ali Hassan',
    relation: 'mentor',
    note: 'mentor fra Ungdomsskolen',
    role: 'resource',
    offer: 'Ugentlig samtale og lektiehjælp.',
    tie: 'strong',
    guardians: 'agreed',
  },
  {
    name: 'Jens Storm',
    relation: 'other',
    note: 'mors tidligere kæreste',
    role: 'strain',
    offer: null,
    tie: 'strained',
    guardians: 'declined',
  },
];

/**
 * The demo's networks (issue 16, item 7): two or three network persons for the children with open cases, the
 * children with a coordinator and a few families of the professional's units — each person shared by the
 * children of the family, with the children's own agreement from 12 — and the guardians due to be told.
 */
export async function seedDemoNetwork(q: Queryable, input: TDemoNetworkInput): Promise<{ persons: number }> {
  const m = input.municipalityId;
  const { rows: anchors } = await q.query(
    sql`(SELECT child_id, ${input.caseworkerId}::uuid AS by_user, NULL::uuid AS unit_id
           FROM cases WHERE municipality_id = ${m} AND status = 'open' ORDER BY child_id LIMIT 10)
        UNION ALL
        (SELECT child_id, ${input.professionalId}::uuid, NULL FROM child_coordinators
          WHERE municipality_id = ${m} ORDER BY child_id LIMIT 3)
        UNION ALL
        (SELECT DISTINCT ON (c.family_id) c.id, ${input.professionalId}::uuid, e.unit_id
           FROM children c JOIN enrolments e ON e.municipality_id = c.municipality_id AND e.child_id = c.id
            AND e.unit_id = ANY(${input.professionalUnitIds}::uuid[]) AND e.from_date <= current_date
            AND (e.to_date IS NULL OR e.to_date >= current_date)
          WHERE c.municipality_id = ${m}
            AND (SELECT count(*) FROM children s WHERE s.municipality_id = c.municipality_id AND s.family_id = c.family_id) > 1
          ORDER BY c.family_id, c.id LIMIT 3)`,
  );
  const done = new Set<string>();
  let persons = 0;
  for (const [i, anchor] of anchors.entries()) {
    const { rows: family } = await q.query(
      sql`SELECT s.id, s.family_id, age_on(s.birth_date, current_date) AS age
            FROM children c JOIN children s ON s.municipality_id = c.municipality_id
             AND (s.id = c.id OR s.family_id = c.family_id)
           WHERE c.municipality_id = ${m} AND c.id = ${anchor.child_id}`,
    );
    const key = family[0]?.family_id ?? anchor.child_id;
    if (done.has(key)) continue;
    done.add(key);
    const count = 2 + (i % 2);
    for (let k = 0; k < count; k++) {
      const p = PEOPLE[(i * 2 + k) % PEOPLE.length] as TDemoPerson;
      const phone = `+452${String(1_000_000 + ((i * 7919 + k * 104_729) % 9_000_000)).padStart(7, '0')}`;
      const { rows } = await q.query(
        sql`INSERT INTO network_persons (municipality_id, family_id, name, relation, relation_note, phone, role,
                                         can_offer, guardians_agreement, guardians_agreed_on, created_by, created_at)
            VALUES (${m}, ${family[0]?.family_id ?? null}, ${p.name}, ${p.relation}, ${p.note}, ${phone}, ${p.role},
                    ${p.offer}, ${p.guardians}, ${p.guardians === 'agreed' ? sql`current_date - 20` : null},
                    ${anchor.by_user}, now() - interval '20 days')
            RETURNING id`,
      );
      const personId: string = rows[0].id;
      for (const child of family)
        await q.query(
          sql`INSERT INTO network_person_children (municipality_id, network_person_id, child_id, tie, step,
                                                   child_agreement, linked_by, linked_at)
              VALUES (${m}, ${personId}, ${child.id}, ${p.tie}, ${p.step ?? false},
                      ${child.age >= 12 ? 'agreed' : null}, ${anchor.by_user}, now() - interval '20 days')`,
        );
      await markNoticesDue(q, m, {
        kind: 'networkPerson',
        childIds: family.map((c) => c.id),
        unitId: anchor.unit_id,
        sourceId: personId,
      });
      persons += 1;
    }
  }
  return { persons };
}

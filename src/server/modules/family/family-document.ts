import type { TFamilyContact } from '../../../shared/schemas/family-views.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

const demoless = (name: string) => name.replace(/ \(demo\)$/, '');

/** What the register holds of each child in `ids`: name, age, the units it attends today and its coordinator. */
export interface TMemberFacts {
  id: string;
  firstName: string;
  lastName: string;
  age: number;
  units: { id: string; name: string }[];
  coordinator: TFamilyContact | null;
}

export async function selectMemberFacts(
  q: Queryable,
  m: string,
  ids: readonly string[],
): Promise<Map<string, TMemberFacts>> {
  const { rows } = await q.query(
    sql`SELECT c.id, c.first_name, c.last_name, age_on(c.birth_date, current_date) AS age,
               (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name, u.id), '[]')
                  FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                 WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND ${currentEnrolment('e')}) AS units,
               co.name AS coordinator_name, co.email AS coordinator_email
          FROM children c
          LEFT JOIN child_coordinators cc ON cc.municipality_id = c.municipality_id AND cc.child_id = c.id
          LEFT JOIN users co ON co.municipality_id = cc.municipality_id AND co.id = cc.user_id
         WHERE c.municipality_id = ${m} AND c.id = ANY(${ids}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        firstName: r.first_name,
        lastName: r.last_name,
        age: r.age ?? 0,
        units: r.units,
        coordinator: r.coordinator_name
          ? { name: demoless(r.coordinator_name), email: r.coordinator_email, place: null }
          : null,
      },
    ]),
  );
}

/** The caseworkers of the open cases of each child in `ids`, with their team. */
export async function selectCaseworkers(
  q: Queryable,
  m: string,
  ids: readonly string[],
): Promise<Map<string, TFamilyContact[]>> {
  const result = new Map<string, TFamilyContact[]>();
  if (ids.length === 0) return result;
  const { rows } = await q.query(
    sql`SELECT DISTINCT k.child_id, u.name, u.email, t.name AS team_name
          FROM cases k
          JOIN users u ON u.municipality_id = k.municipality_id AND u.id = k.caseworker_id
          JOIN teams t ON t.municipality_id = k.municipality_id AND t.id = k.team_id
         WHERE k.municipality_id = ${m} AND k.child_id = ANY(${ids}::uuid[]) AND k.status = 'open'
         ORDER BY k.child_id, u.name`,
  );
  for (const r of rows) {
    const list = result.get(r.child_id) ?? [];
    list.push({ name: demoless(r.name), email: r.email, place: r.team_name });
    result.set(r.child_id, list);
  }
  return result;
}

/** The family's name in the register, or null for a child without a family. */
export async function familyName(q: Queryable, m: string, childId: string): Promise<string | null> {
  const { rows } = await q.query(
    sql`SELECT f.name FROM children c JOIN families f ON f.municipality_id = c.municipality_id AND f.id = c.family_id
         WHERE c.municipality_id = ${m} AND c.id = ${childId}`,
  );
  return rows[0]?.name ?? null;
}

import { type Sql, sql } from '../db/sql.ts';
import type { TEnrolmentRelation } from './relations.ts';

/**
 * The one current-enrolment predicate: the enrolment row `alias` runs today. Every query that asks "is the
 * child enrolled there now" uses this, so the rule cannot drift between places.
 */
export function currentEnrolment(alias = 'e'): Sql {
  return enrolledOn(alias, sql.raw('current_date'));
}

/** The enrolment row `alias` runs on `day` (a date, or a fragment such as a reference date's column). */
export function enrolledOn(alias: string, day: string | Sql): Sql {
  const e = sql.ident(alias);
  const d = typeof day === 'string' ? sql`${day}::date` : day;
  return sql`${e}.from_date <= ${d} AND (${e}.to_date IS NULL OR ${e}.to_date >= ${d})`;
}

/**
 * For `JOIN LATERAL (…) rel ON true` on a child (alias `child`): its current enrolment in one of `units`,
 * the earliest if several — columns `rel_unit_id`, `rel_unit_name`, `rel_kind`. No row, no relation.
 */
export function enrolmentRelation(units: readonly string[], child = 'c'): Sql {
  const c = sql.ident(child);
  return sql`SELECT e.unit_id AS rel_unit_id, u.name AS rel_unit_name, 'enrolment' AS rel_kind
            FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
           WHERE e.municipality_id = ${c}.municipality_id AND e.child_id = ${c}.id AND e.unit_id = ANY(${units}::uuid[])
             AND ${currentEnrolment('e')}
           ORDER BY e.from_date LIMIT 1`;
}

export function enrolmentFromRow(row: { rel_unit_id: string; rel_unit_name: string }): TEnrolmentRelation {
  return { kind: 'enrolment', unitId: row.rel_unit_id, unitName: row.rel_unit_name };
}

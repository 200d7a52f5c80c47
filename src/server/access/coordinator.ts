import { type Sql, sql } from '../db/sql.ts';
import { currentEnrolment } from './enrolment.ts';

/**
 * For `JOIN LATERAL (…) rel ON true` on a child (alias `child`): the user is its named coordinator. The
 * coordinator sees the child while it is enrolled somewhere, whichever unit that is; the relation names
 * that unit. Same columns as `enrolmentRelation`, with `rel_kind` 'coordinator'.
 */
export function coordinatorRelation(userId: string, child = 'c'): Sql {
  const c = sql.ident(child);
  return sql`SELECT e.unit_id AS rel_unit_id, u.name AS rel_unit_name, 'coordinator' AS rel_kind
            FROM child_coordinators cc
            JOIN enrolments e ON e.municipality_id = cc.municipality_id AND e.child_id = cc.child_id
             AND ${currentEnrolment('e')}
            JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
           WHERE cc.municipality_id = ${c}.municipality_id AND cc.child_id = ${c}.id AND cc.user_id = ${userId}::uuid
           ORDER BY e.from_date LIMIT 1`;
}

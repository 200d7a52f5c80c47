import { type Sql, sql } from '../../db/sql.ts';
import { childRelation } from '../children/children.access.ts';

/**
 * SQL condition (alert alias `al`) keeping only alerts the user may still see. An early-warning alert
 * about a child is shown only while the user still has a relation to the child (an enrolment in one of
 * their units, or being its coordinator): the relation it was raised on. Other kinds (a notification's
 * deadline to the intake caseworkers, a meeting's consent to its organiser) rest on the relation the
 * raising module checked when it chose the recipient, which this module cannot see.
 * `units`: the units the user reads children in.
 */
export function visibleAlert(units: readonly string[], userId: string): Sql {
  return sql`(al.child_id IS NULL OR al.kind <> 'earlyWarning'
           OR EXISTS (SELECT 1 FROM children c JOIN LATERAL (${childRelation(units, userId)}) rel ON true
                       WHERE c.municipality_id = al.municipality_id AND c.id = al.child_id))`;
}

import { relationSql } from '../children/children.access.ts';

/**
 * SQL condition (alert alias `al`) keeping only alerts the user may still see: those about no child, or
 * about a child the user still has a relation to. Params: units the user reads children in, the user id.
 */
export function visibleAlertSql(unitsParam: string, userParam: string): string {
  return `(al.child_id IS NULL OR EXISTS (SELECT 1 FROM children c JOIN LATERAL (${relationSql(unitsParam, userParam)}) rel ON true
            WHERE c.municipality_id = al.municipality_id AND c.id = al.child_id))`;
}

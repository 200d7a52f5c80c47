import type { TPermission } from '../../../shared/permissions.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/**
 * Who may touch which assessment, and why. The relation is always a current enrolment of the child in a
 * unit where the user holds the permission (docs/architecture.md, rule 2):
 *
 * - making an assessment: the enrolment unit must also take part in the round; it becomes the assessment's unit;
 * - a joint assessment is the child's, so everyone with such a relation to the child sees it;
 * - an own assessment is seen by its author and by the assessors of the unit it was made in — they prepare
 *   the joint assessment together — but not by adults in the child's other units.
 */
export function assessorUnits(ctx: Pick<TCtx, 'user'>, permission: TPermission): string[] {
  return unitsWith(ctx, permission);
}

/** The unit through which the user may assess the child in the round, or undefined. */
export async function assessingUnit(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  roundId: string,
  childId: string,
): Promise<string | undefined> {
  const units = assessorUnits(ctx, 'write:assessment:unit');
  if (units.length === 0) return undefined;
  const { rows } = await q.query(
    `SELECT e.unit_id FROM enrolments e
       JOIN round_units ru ON ru.municipality_id = e.municipality_id AND ru.round_id = $2 AND ru.unit_id = e.unit_id
      WHERE e.municipality_id = $1 AND e.child_id = $3 AND e.unit_id = ANY($4::uuid[]) AND ${currentEnrolment('e').text}
      ORDER BY e.from_date, e.unit_id LIMIT 1`,
    [ctx.user.municipalityId, roundId, childId, units],
  );
  return rows[0]?.unit_id;
}

/**
 * SQL (assessment alias `a`) for `JOIN LATERAL (…) rel ON true`: the unit giving the user access to the
 * assessment, preferring the assessment's own unit. No row means no access.
 */
export function assessmentRelation(units: readonly string[], userId: string): Sql {
  return sql`SELECT e.unit_id AS rel_unit_id FROM enrolments e
           WHERE e.municipality_id = a.municipality_id AND e.child_id = a.child_id AND e.unit_id = ANY(${units}::uuid[])
             AND ${currentEnrolment('e')}
             AND (a.mode = 'joint' OR a.author_id = ${userId} OR e.unit_id = a.unit_id)
           ORDER BY (e.unit_id = a.unit_id) DESC, e.from_date LIMIT 1`;
}

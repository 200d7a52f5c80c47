import { currentEnrolment } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { unitsWith } from '../../http/permissions.ts';

/**
 * The unit through which a leader may set the child's coordinator: a unit the user leads (holds
 * `manage:coordinator:unit`) in which the child is currently enrolled. Null reads as 404.
 */
export async function leadingUnitForChild(q: Queryable, ctx: TCtx, childId: string): Promise<string | null> {
  const { rows } = await q.query(
    `SELECT e.unit_id FROM enrolments e
      WHERE e.municipality_id = $1 AND e.child_id = $2 AND e.unit_id = ANY($3::uuid[])
        AND ${currentEnrolment('e').text}
      ORDER BY e.from_date LIMIT 1`,
    [ctx.user.municipalityId, childId, unitsWith(ctx, 'manage:coordinator:unit')],
  );
  return rows[0]?.unit_id ?? null;
}

/**
 * Who can be a child's coordinator: active professionals and leaders of the units the child is currently
 * enrolled in (the class teacher, the contact pedagogue, the health visitor …).
 */
export const CANDIDATES_SQL = `SELECT DISTINCT u.id, u.name, u.email, un.name AS "unitName", ra.role
   FROM enrolments e
   JOIN role_assignments ra ON ra.municipality_id = e.municipality_id AND ra.unit_id = e.unit_id
        AND ra.role IN ('professional', 'unitLeader')
   JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
   JOIN units un ON un.municipality_id = e.municipality_id AND un.id = e.unit_id
  WHERE e.municipality_id = $1 AND e.child_id = $2
    AND ${currentEnrolment('e').text}`;

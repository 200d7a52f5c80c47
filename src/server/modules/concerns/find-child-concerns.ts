import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { relationFromRow, relationPurpose, relationSql } from '../children/children.access.ts';
import { CONCERN_SELECT, type TConcern, toConcern } from './concern-document.ts';
import { concernReadUnits } from './concerns.access.ts';

/**
 * The concerns about one child, newest first, for its profile timeline. Needs a relation to the child (an
 * enrolment in one of the user's units, or being its coordinator); the read is audited.
 */
export async function findChildConcerns(ctx: TCtx, childId: string): Promise<{ items: TConcern[] }> {
  requirePermission(ctx, 'read:concern:unit');
  const m = ctx.user.municipalityId;
  const found = await ctx.db.tenantRead(m, async (q) => {
    const { rows: rel } = await q.query(
      `SELECT rel.* FROM children c JOIN LATERAL (${relationSql('$3', '$4')}) rel ON true
        WHERE c.municipality_id = $1 AND c.id = $2`,
      [m, childId, concernReadUnits(ctx), ctx.user.userId],
    );
    if (!rel[0]) return undefined;
    const { rows } = await q.query(
      `${CONCERN_SELECT} WHERE k.municipality_id = $1 AND k.child_id = $2 ORDER BY k.created_at DESC, k.id LIMIT 500`,
      [m, childId],
    );
    return { relation: relationFromRow(rel[0]), items: rows.map(toConcern) };
  });
  if (!found) throw new AppError('NOT_FOUND');
  await ctx.audit.record({
    municipalityId: m,
    userId: ctx.user.userId,
    role: roleFor(ctx, 'read:concern:unit', found.relation.unitId),
    action: 'read',
    entity: 'child',
    entityId: childId,
    childId,
    purpose: relationPurpose(found.relation),
    ip: ctx.ip,
    detail: { view: 'concerns', concernIds: found.items.map((c) => c.id) },
  });
  return { items: found.items };
}

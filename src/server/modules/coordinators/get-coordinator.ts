import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { readableUnits, relationFromRow, relationPurpose, relationSql } from '../children/children.access.ts';
import { findCoordinator, type TChildCoordinator } from './find-coordinator.ts';

/** The child's named coordinator (or null), for anyone with a relation to the child; the read is audited. */
export async function getCoordinator(
  ctx: TCtx,
  childId: string,
): Promise<{ coordinator: TChildCoordinator | null; canSet: boolean }> {
  requirePermission(ctx, 'read:child:unit');
  const m = ctx.user.municipalityId;
  const found = await ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      `SELECT rel.* FROM children c JOIN LATERAL (${relationSql('$3', '$4')}) rel ON true
        WHERE c.municipality_id = $1 AND c.id = $2`,
      [m, childId, readableUnits(ctx), ctx.user.userId],
    );
    if (!rows[0]) return undefined;
    return { relation: relationFromRow(rows[0]), coordinator: await findCoordinator(q, m, childId) };
  });
  if (!found) throw new AppError('NOT_FOUND');
  await ctx.audit.record({
    municipalityId: m,
    userId: ctx.user.userId,
    role: roleFor(ctx, 'read:child:unit', found.relation.unitId),
    action: 'read',
    entity: 'child',
    entityId: childId,
    childId,
    purpose: relationPurpose(found.relation),
    ip: ctx.ip,
    detail: { view: 'coordinator' },
  });
  const canSet = ctx.user.grants.some(
    (g) =>
      g.permission === 'manage:coordinator:unit' &&
      found.relation.kind === 'enrolment' &&
      g.unitId === found.relation.unitId,
  );
  return { coordinator: found.coordinator, canSet };
}

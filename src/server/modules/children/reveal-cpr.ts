import { formatCpr } from '../../../domain/cpr.ts';
import type { TRevealCprRequest } from '../../../shared/schemas/children.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { accessibleChildren, relationPurpose } from './children.access.ts';

/** Shows the full CPR number to a user with a relation to the child; the written reason goes into the audit log. */
export async function revealCpr(
  ctx: TCtx,
  childId: string,
  input: TRevealCprRequest,
): Promise<{ cpr: string }> {
  requirePermission(ctx, 'reveal:cpr:unit');
  return ctx.db.tenant(ctx.user.municipalityId, async (q) => {
    const relation = (await accessibleChildren(q, ctx, [childId])).get(childId);
    if (!relation) throw new AppError('NOT_FOUND');
    const { rows } = await q.query(
      'SELECT cpr_encrypted FROM children WHERE municipality_id = $1 AND id = $2',
      [ctx.user.municipalityId, childId],
    );
    const encrypted = rows[0]?.cpr_encrypted;
    if (!encrypted) throw new AppError('NOT_FOUND');
    await ctx.audit.inTransaction(q, {
      municipalityId: ctx.user.municipalityId,
      userId: ctx.user.userId,
      role: roleFor(ctx, 'reveal:cpr:unit', relation.unitId),
      action: 'reveal-cpr',
      entity: 'child',
      entityId: childId,
      childId,
      purpose: relationPurpose(relation),
      ip: ctx.ip,
      detail: { reason: input.reason },
    });
    return { cpr: formatCpr(ctx.cipher.decrypt(encrypted)) };
  });
}

import type { TCaseworkerChange } from '../../../shared/schemas/caseworker-change.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { managesTeam } from '../cases/cases.access.ts';
import { changeChildIds, selectChange } from './change-document.ts';

/**
 * A caseworker change with its cases, proposal and progress (the UI polls it while the job runs). Only for a
 * manager of the teams involved; lists children's names, so it is an audited read.
 */
export async function getCaseworkerChange(ctx: TCtx, changeId: string): Promise<TCaseworkerChange> {
  requirePermission(ctx, 'manage:case:team');
  const m = ctx.user.municipalityId;
  const found = await ctx.db.tenantRead(m, async (q) => {
    const change = await selectChange(q, m, changeId);
    return change && { change, childIds: await changeChildIds(q, m, changeId) };
  });
  const change = found?.change;
  if (!change?.items.every((i) => managesTeam(ctx, i.teamId))) throw new AppError('NOT_FOUND');
  if (change.items.length > 0)
    await ctx.audit.record({
      municipalityId: m,
      userId: ctx.user.userId,
      role: roleFor(ctx, 'manage:case:team'),
      action: 'read',
      entity: 'caseworker-change',
      entityId: change.id,
      childId: null,
      purpose: 'caseworker-change',
      ip: ctx.ip,
      detail: {
        caseIds: change.items.map((i) => i.caseId),
        childIds: found?.childIds ?? [],
        status: change.status,
      },
    });
  return change;
}

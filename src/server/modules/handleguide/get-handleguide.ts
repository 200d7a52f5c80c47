import type { TCtx } from '../../http/context.ts';
import { requirePermission } from '../../http/permissions.ts';
import { loadGuide, type TGuideSignRow } from './load-guide.ts';

/** The sign catalogue and handleguide. Admins who manage it also see retired (inactive) signs. */
export async function getHandleguide(ctx: TCtx): Promise<{ signs: TGuideSignRow[] }> {
  requirePermission(ctx, 'read:handleguide:municipality');
  const activeOnly = !ctx.user.permissions.has('manage:handleguide:municipality');
  const signs = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
    loadGuide(q, ctx.user.municipalityId, { activeOnly }),
  );
  return { signs };
}

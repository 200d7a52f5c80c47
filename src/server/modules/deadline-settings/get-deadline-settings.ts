import type { TCtx } from '../../http/context.ts';
import { requirePermission } from '../../http/permissions.ts';
import { loadDeadlineSettings, type TDeadlineSettings } from './load-deadline-config.ts';

/** The deadline lengths the municipality uses (no personal data, so no audit event). */
export async function getDeadlineSettings(ctx: TCtx): Promise<TDeadlineSettings> {
  requirePermission(ctx, 'read:deadline:municipality');
  return ctx.db.tenantRead(ctx.user.municipalityId, (q) => loadDeadlineSettings(q, ctx.user.municipalityId));
}

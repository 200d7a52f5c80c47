import type { TCtx } from '../../http/context.ts';
import { requireAnyPermission } from '../../http/permissions.ts';
import { ruleSettings, type TStoredRule } from './rule-settings.ts';

/** The municipality's early-warning rules with their settings (defaults where never saved). */
export async function findRules(ctx: TCtx): Promise<{ items: TStoredRule[] }> {
  requireAnyPermission(ctx, ['read:warning-rule:municipality', 'manage:warning-rule:municipality']);
  const items = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
    ruleSettings(q, ctx.user.municipalityId),
  );
  return { items };
}

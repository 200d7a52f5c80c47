import type { TStoredRule } from '../../../shared/schemas/alert-views.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { ruleSettings } from './rule-settings.ts';

/** The municipality's early-warning rules with their settings (defaults where never saved). */
export const findRules = defineUseCase(
  ['read:warning-rule:municipality', 'manage:warning-rule:municipality'],
  async (ctx): Promise<{ items: TStoredRule[] }> => {
    const items = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      ruleSettings(q, ctx.user.municipalityId),
    );
    return { items };
  },
);

import type {
  TLeisurePassSettings,
  TLeisurePassSettingsRequest,
} from '../../../shared/schemas/leisure-passes.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadLeisurePassSettings } from './leisure-pass-settings.ts';

/**
 * An admin sets the leisure pass (optimistic locking): on or off, the amount per child per year, the roles that
 * grant it and after how many weeks an unredeemed pass is listed. Grants already made stay as they are; a lower
 * amount leaves a child who has more nothing left, never a negative budget.
 */
export const updateLeisurePassSettings = defineUseCase(
  'manage:offer:municipality',
  async (ctx, input: TLeisurePassSettingsRequest): Promise<TLeisurePassSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await loadLeisurePassSettings(q, m, { forUpdate: true });
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await q.query(
        sql`INSERT INTO leisure_pass_settings (municipality_id, enabled, amount_per_year_dkk, grant_roles, unused_weeks,
                                               version, updated_by)
            VALUES (${m}, ${input.enabled}, ${input.amountPerYearDkk}, ${input.grantRoles}, ${input.unusedWeeks},
                    ${current.version + 1}, ${ctx.user.userId})
            ON CONFLICT (municipality_id) DO UPDATE SET enabled = EXCLUDED.enabled,
              amount_per_year_dkk = EXCLUDED.amount_per_year_dkk, grant_roles = EXCLUDED.grant_roles,
              unused_weeks = EXCLUDED.unused_weeks, version = EXCLUDED.version, updated_at = now(),
              updated_by = EXCLUDED.updated_by`,
      );
      return loadLeisurePassSettings(q, m);
    });
  },
);

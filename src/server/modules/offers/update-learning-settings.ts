import type { TLearningSettingsRequest } from '../../../shared/schemas/offer-learning.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadLearningSettings, type TLearningSettings } from './learning-settings.ts';

/** An admin sets how many months after the start the follow-up assessment may come at the earliest. */
export const updateLearningSettings = defineUseCase(
  'manage:offer:municipality',
  async (ctx, input: TLearningSettingsRequest): Promise<TLearningSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await loadLearningSettings(q, m, { forUpdate: true });
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await q.query(
        sql`INSERT INTO offer_learning_settings (municipality_id, follow_up_months, version, updated_by)
            VALUES (${m}, ${input.followUpMonths}, ${current.version + 1}, ${ctx.user.userId})
            ON CONFLICT (municipality_id) DO UPDATE SET follow_up_months = EXCLUDED.follow_up_months,
              version = EXCLUDED.version, updated_at = now(), updated_by = EXCLUDED.updated_by`,
      );
      return loadLearningSettings(q, m);
    });
  },
);

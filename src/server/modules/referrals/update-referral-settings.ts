import type { TReferralSettings } from '../../../shared/schemas/referral-views.ts';
import type { TReferralSettingsRequest } from '../../../shared/schemas/referrals.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadReferralSettings } from './referral-settings.ts';

/** An admin sets the answer deadlines (optimistic locking); the next run of the alert job uses them. */
export const updateReferralSettings = defineUseCase(
  'manage:offer:municipality',
  async (ctx, input: TReferralSettingsRequest): Promise<TReferralSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const current = await loadReferralSettings(q, m, { forUpdate: true });
      if (current.version !== input.version) throw new AppError('STALE_VERSION');
      await q.query(
        sql`INSERT INTO referral_settings (municipality_id, alert_weekdays, escalate_weekdays, version, updated_by)
            VALUES (${m}, ${input.alertWeekdays}, ${input.escalateWeekdays}, ${current.version + 1}, ${ctx.user.userId})
            ON CONFLICT (municipality_id) DO UPDATE SET alert_weekdays = EXCLUDED.alert_weekdays,
              escalate_weekdays = EXCLUDED.escalate_weekdays, version = EXCLUDED.version, updated_at = now(),
              updated_by = EXCLUDED.updated_by`,
      );
      return loadReferralSettings(q, m);
    });
  },
);

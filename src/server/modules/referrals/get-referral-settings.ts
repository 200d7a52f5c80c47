import type { TReferralSettings } from '../../../shared/schemas/referral-views.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadReferralSettings } from './referral-settings.ts';

/** How many weekdays a provider has to answer a referral before the referrer, then the leader, is alerted. */
export const getReferralSettings = defineUseCase(
  'manage:offer:municipality',
  async (ctx): Promise<TReferralSettings> =>
    ctx.db.tenantRead(ctx.user.municipalityId, (q) => loadReferralSettings(q, ctx.user.municipalityId)),
);

import type { TNetworkSettings } from '../../../shared/schemas/network-views.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAgreementAge } from './network-document.ts';

/**
 * The age from which a child's own agreement to involve a network person is recorded, and within how many months a
 * conference's review is set (version 0: the defaults).
 */
export const getNetworkSettings = defineUseCase(
  'manage:network-settings:municipality',
  async (ctx): Promise<TNetworkSettings> => {
    const m = ctx.user.municipalityId;
    const { age, reviewMonths, version } = await ctx.db.tenantRead(m, (q) => childAgreementAge(q, m));
    return { childAgreementAge: age, conferenceReviewMonths: reviewMonths, version };
  },
);

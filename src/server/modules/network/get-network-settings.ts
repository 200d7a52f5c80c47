import type { TNetworkSettings } from '../../../shared/schemas/network-views.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAgreementAge } from './network-document.ts';

/** The age from which a child's own agreement to involve a network person is recorded (version 0: the default). */
export const getNetworkSettings = defineUseCase(
  'manage:network-settings:municipality',
  async (ctx): Promise<TNetworkSettings> => {
    const m = ctx.user.municipalityId;
    const { age, version } = await ctx.db.tenantRead(m, (q) => childAgreementAge(q, m));
    return { childAgreementAge: age, version };
  },
);

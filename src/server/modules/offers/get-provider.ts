import type { TProviderDetail } from '../../../shared/schemas/offer-views.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectMembers, selectProviders } from './provider-document.ts';

/** One provider with the partner users who belong to it (for the admin who manages them). */
export const getProvider = defineUseCase(
  'manage:offer:municipality',
  async (ctx, providerId: string): Promise<TProviderDetail> => {
    const m = ctx.user.municipalityId;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const [provider] = await selectProviders(q, m, providerId);
      return provider && { ...provider, members: await selectMembers(q, m, providerId) };
    });
    if (!found) throw new AppError('NOT_FOUND');
    return found;
  },
);

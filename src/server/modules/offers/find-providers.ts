import type { TProvider } from '../../../shared/schemas/offer-views.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectProviders } from './provider-document.ts';

/** Every provider of the municipality's offers. */
export const findProviders = defineUseCase(
  'read:offer:municipality',
  async (ctx): Promise<{ items: TProvider[] }> => ({
    items: await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      selectProviders(q, ctx.user.municipalityId),
    ),
  }),
);

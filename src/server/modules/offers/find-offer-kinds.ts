import type { TOfferKind } from '../../../shared/schemas/offer-views.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOfferKinds } from './offer-kind-document.ts';

/** The municipality's list of offer kinds, retired ones included (they still name older offers). */
export const findOfferKinds = defineUseCase(
  'read:offer:municipality',
  async (ctx): Promise<{ items: TOfferKind[] }> => ({
    items: await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      selectOfferKinds(q, ctx.user.municipalityId),
    ),
  }),
);

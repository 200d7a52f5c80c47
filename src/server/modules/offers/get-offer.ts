import type { TOffer } from '../../../shared/schemas/offer-views.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOffer } from './offer-document.ts';

/** One offer of the municipality's catalogue. */
export const getOffer = defineUseCase(
  'read:offer:municipality',
  async (ctx, offerId: string): Promise<TOffer> => {
    const offer = await ctx.db.tenantRead(ctx.user.municipalityId, (q) => selectOffer(q, ctx, offerId));
    if (!offer) throw new AppError('NOT_FOUND');
    return offer;
  },
);

import type { TPage } from '../../../shared/schemas/common.ts';
import type { TOffer } from '../../../shared/schemas/offer-views.ts';
import type { TFindOffersQuery } from '../../../shared/schemas/offers.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOffers } from './offer-document.ts';

/** The municipality's offers, filtered (kind, status, provider, district, a child's age, a factor, text), paged. */
export const findOffers = defineUseCase(
  'read:offer:municipality',
  async (ctx, query: TFindOffersQuery): Promise<TPage<TOffer>> => {
    const { page, pageSize, ...where } = query;
    const { items, total } = await ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      selectOffers(q, ctx, where, { limit: pageSize, offset: (page - 1) * pageSize }),
    );
    return { items, total, page, pageSize };
  },
);

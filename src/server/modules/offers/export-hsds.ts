import { defineUseCase } from '../../http/use-case.ts';
import { type THsdsExport, toHsds } from './hsds-document.ts';
import { selectOffers } from './offer-document.ts';
import { selectProviders } from './provider-document.ts';

/** Every published offer: the municipality's active offers of active providers. */
const PUBLISHED = { status: 'active', providerActive: true } as const;

/**
 * The municipality's published offers as Open Referral HSDS 3.0 JSON (hsds-document.ts), in Danish whatever
 * the reader's language, as a published catalogue is. Holds no personal data, so no audit event is written.
 */
export const exportHsds = defineUseCase('export:offer:municipality', async (ctx): Promise<THsdsExport> => {
  const m = ctx.user.municipalityId;
  const { offers, providers } = await ctx.db.tenantRead(m, async (q) => ({
    offers: (await selectOffers(q, { ...ctx, locale: 'da' }, PUBLISHED, { limit: 1_000_000, offset: 0 }))
      .items,
    providers: await selectProviders(q, m),
  }));
  return toHsds(offers, providers, ctx.user.municipalityName, new Date());
});

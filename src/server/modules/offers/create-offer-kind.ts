import type { TOfferKind } from '../../../shared/schemas/offer-views.ts';
import type { TCreateOfferKindRequest } from '../../../shared/schemas/offers.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOfferKinds } from './offer-kind-document.ts';

/** Adds a kind of offer to the municipality's list (admin); a code already in the list is refused. */
export const createOfferKind = defineUseCase(
  'manage:offer:municipality',
  async (ctx, input: TCreateOfferKindRequest): Promise<TOfferKind> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rowCount } = await q.query(
        sql`INSERT INTO offer_kinds (municipality_id, code, label_da, label_en, leisure, position)
            VALUES (${m}, ${input.code}, ${input.labelDa}, ${input.labelEn}, ${input.leisure}, ${input.position})
            ON CONFLICT (municipality_id, code) DO NOTHING`,
      );
      if (!rowCount) throw fieldError('code', 'field.offerKindTaken');
      return (await selectOfferKinds(q, m, input.code))[0] as TOfferKind;
    });
  },
);

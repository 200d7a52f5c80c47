import type { TOfferKind } from '../../../shared/schemas/offer-views.ts';
import type { TUpdateOfferKindRequest } from '../../../shared/schemas/offers.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOfferKinds } from './offer-kind-document.ts';

/**
 * Renames, reorders, marks as leisure or retires a kind (admin, optimistic locking). A retired kind keeps naming
 * the offers that have it but is refused for new ones.
 */
export const updateOfferKind = defineUseCase(
  'manage:offer:municipality',
  async (ctx, code: string, input: TUpdateOfferKindRequest): Promise<TOfferKind> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const [kind] = await selectOfferKinds(q, m, code);
      if (!kind) throw new AppError('NOT_FOUND');
      if (kind.version !== input.version) throw new AppError('STALE_VERSION');
      await q.query(
        sql`UPDATE offer_kinds SET label_da = ${input.labelDa ?? kind.labelDa}, label_en = ${input.labelEn ?? kind.labelEn},
                   leisure = ${input.leisure ?? kind.leisure}, active = ${input.active ?? kind.active},
                   position = ${input.position ?? kind.position}, version = version + 1
             WHERE municipality_id = ${m} AND code = ${code}`,
      );
      return (await selectOfferKinds(q, m, code))[0] as TOfferKind;
    });
  },
);

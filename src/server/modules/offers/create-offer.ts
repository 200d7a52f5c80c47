import type { TOffer } from '../../../shared/schemas/offer-views.ts';
import type { TCreateOfferRequest } from '../../../shared/schemas/offers.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { offerColumns } from './offer-columns.ts';
import { selectOffer } from './offer-document.ts';
import { checkOfferFields } from './offer-write-checks.ts';
import { memberProvider } from './offers.access.ts';

/**
 * Adds an offer to the catalogue. An admin adds one for any provider and may name a municipal employee as its
 * owner; a partner user adds one for their own provider only. Refused, naming the field, for an unknown
 * provider, another provider's, or a bad field (offer-write-checks.ts); nothing is written then.
 */
export const createOffer = defineUseCase(
  ['manage:offer:municipality', 'write:offer:provider'],
  async (ctx, input: TCreateOfferRequest): Promise<TOffer> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const admin = ctx.permission === 'manage:offer:municipality';
      const { rowCount } = await q.query(
        sql`SELECT 1 FROM offer_providers WHERE municipality_id = ${m} AND id = ${input.providerId}`,
      );
      if (!rowCount) throw fieldError('providerId', 'field.unknownProvider');
      if (!admin && (await memberProvider(q, ctx)) !== input.providerId)
        throw fieldError('providerId', 'field.providerNotYours');
      if (!admin && input.ownerId !== null) throw fieldError('ownerId', 'field.ownerAdminOnly');
      const { providerId, ...fields } = input;
      await checkOfferFields(q, m, fields, new Set(Object.keys(fields)), ctx.locale);
      const columns = offerColumns(fields);
      const { rows } = await q.query(
        sql`INSERT INTO offers (municipality_id, provider_id, created_by, capacity_updated_at, ${sql.join(columns.names, ', ')})
            VALUES (${m}, ${providerId}, ${ctx.user.userId},
                    CASE WHEN ${fields.capacityTotal}::int IS NULL THEN NULL ELSE now() END,
                    ${sql.join(columns.values, ', ')})
            RETURNING id`,
      );
      return (await selectOffer(q, ctx, rows[0].id)) as TOffer;
    });
  },
);

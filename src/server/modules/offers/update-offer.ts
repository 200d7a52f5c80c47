import type { TOffer } from '../../../shared/schemas/offer-views.ts';
import type { TUpdateOfferRequest } from '../../../shared/schemas/offers.ts';
import { type Sql, sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { offerColumns, offerFieldsFromRow } from './offer-columns.ts';
import { selectOffer } from './offer-document.ts';
import { checkOfferFields } from './offer-write-checks.ts';
import { editableOffer } from './offers.access.ts';

/**
 * Edits an offer (optimistic locking): an admin any offer, an owner their own, a partner user their provider's.
 * Only an admin names the owner. Setting capacity (either figure) stamps when it was last updated, so a list of
 * free places says how fresh it is. Closing or pausing an offer stops new referrals; those under way go on.
 */
export const updateOffer = defineUseCase(
  ['manage:offer:municipality', 'write:offer:own', 'write:offer:provider'],
  async (ctx, offerId: string, input: TUpdateOfferRequest): Promise<TOffer> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const offer = await editableOffer(q, ctx, offerId);
      if (offer.version !== input.version) throw new AppError('STALE_VERSION');
      const { version: _version, ...changes } = input;
      if (changes.ownerId !== undefined && changes.ownerId !== offer.ownerId && offer.basis !== 'admin')
        throw fieldError('ownerId', 'field.ownerAdminOnly');
      const { rows } = await q.query(
        sql`SELECT * FROM offers WHERE municipality_id = ${m} AND id = ${offerId}`,
      );
      const merged = { ...offerFieldsFromRow(rows[0]), ...changes };
      await checkOfferFields(q, m, merged, new Set(Object.keys(changes)), ctx.locale);
      const columns = offerColumns(changes);
      const assignments = columns.names.map((name, i) => sql`${name} = ${columns.values[i] as Sql}`);
      const capacityTouched = changes.capacityTotal !== undefined || changes.capacityFree !== undefined;
      if (capacityTouched)
        assignments.push(
          sql`capacity_updated_at = CASE WHEN ${merged.capacityTotal}::int IS NULL THEN NULL ELSE now() END`,
        );
      await q.query(
        sql`UPDATE offers SET ${sql.join([...assignments, sql`version = version + 1, updated_at = now()`], ', ')}
             WHERE municipality_id = ${m} AND id = ${offerId}`,
      );
      return (await selectOffer(q, ctx, offerId)) as TOffer;
    });
  },
);

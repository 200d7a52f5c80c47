import { type TOfferWaitingTimes, WAIT_WINDOW_MONTHS } from '../../../shared/schemas/offer-capacity.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { rawWaitFromRow, shownWait, WAIT_COLUMNS } from './waiting-figures.ts';

/**
 * One offer's waiting times (issue 15, item 8): median and 90th-percentile days from referral to start over the
 * last six months, from the referrals' status history (kept per offer in `offer_waits`); the waiting list now;
 * places in all and free. Like the catalogue it names no child, so every reader of the catalogue may ask.
 */
export const getOfferWaitingTimes = defineUseCase(
  'read:offer:municipality',
  async (ctx, offerId: string): Promise<TOfferWaitingTimes> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantQuery(
      m,
      sql`SELECT o.capacity_total, o.capacity_free, o.capacity_updated_at, ${sql.raw(WAIT_COLUMNS)}
            FROM offers o LEFT JOIN offer_waits w ON w.municipality_id = o.municipality_id AND w.offer_id = o.id
           WHERE o.municipality_id = ${m} AND o.id = ${offerId}`,
    );
    const offer = rows[0];
    if (!offer) throw new AppError('NOT_FOUND');
    const raw = rawWaitFromRow(offer);
    return {
      offerId,
      ...shownWait(raw),
      waitingList: raw.waitingList,
      capacityTotal: offer.capacity_total,
      capacityFree: offer.capacity_free,
      capacityUpdatedAt: offer.capacity_updated_at ? new Date(offer.capacity_updated_at).toISOString() : null,
      windowMonths: WAIT_WINDOW_MONTHS,
    };
  },
);

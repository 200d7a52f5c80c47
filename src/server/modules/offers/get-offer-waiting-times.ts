import { type TOfferWaitingTimes, WAIT_WINDOW_MONTHS } from '../../../shared/schemas/offer-capacity.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectWaitingLists, selectWaits, shownWait } from './waiting-figures.ts';

/**
 * One offer's waiting times (issue 15, item 8): median and 90th-percentile days from referral to start over the
 * last six months, from the referrals' status history; the waiting list now; places in all and free. Like the
 * catalogue it names no child, so every reader of the catalogue may ask.
 */
export const getOfferWaitingTimes = defineUseCase(
  'read:offer:municipality',
  async (ctx, offerId: string): Promise<TOfferWaitingTimes> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT id, capacity_total, capacity_free, capacity_updated_at FROM offers
             WHERE municipality_id = ${m} AND id = ${offerId}`,
      );
      const offer = rows[0];
      if (!offer) throw new AppError('NOT_FOUND');
      const [waits, lists] = [await selectWaits(q, m, [offerId]), await selectWaitingLists(q, m, [offerId])];
      return {
        offerId,
        ...shownWait(waits.get(offerId)),
        waitingList: lists.get(offerId) ?? 0,
        capacityTotal: offer.capacity_total,
        capacityFree: offer.capacity_free,
        capacityUpdatedAt: offer.capacity_updated_at
          ? new Date(offer.capacity_updated_at).toISOString()
          : null,
        windowMonths: WAIT_WINDOW_MONTHS,
      };
    });
  },
);

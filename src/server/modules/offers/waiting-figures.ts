import { suppressList } from '../../../domain/measurement/suppression.ts';
import type { TWaitFigures } from '../../../shared/schemas/offer-capacity.ts';

/** An offer's row of `offer_waits` (migration 0036) as read. */
export interface TRawWait {
  started: number;
  medianDays: number | null;
  p90Days: number | null;
  waitingList: number;
}

/**
 * The columns of `offer_waits` w, for a query that LEFT JOINs it: per offer the referrals started in the last six
 * months and the median and 90th-percentile days from the referral's `sent` event to its first `started` event —
 * read from the status history, never from a typed-in figure — and the waiting list now. The row is kept by the
 * database on every change of the offer's referrals and every night (the window moves).
 */
export const WAIT_COLUMNS = `coalesce(w.started, 0) AS wait_started, w.median_days, w.p90_days,
  coalesce(w.waiting_list, 0) AS waiting_list`;

export function rawWaitFromRow(r: Record<string, unknown>): TRawWait {
  return {
    started: r.wait_started as number,
    medianDays: round1(r.median_days as number | null),
    p90Days: round1(r.p90_days as number | null),
    waitingList: r.waiting_list as number,
  };
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(Number(v) * 10) / 10);

/** The figures as shown: withheld when fewer than five children started (the measurement suppression rule). */
export function shownWait(raw: TRawWait | undefined): TWaitFigures {
  const started = raw?.started ?? 0;
  const hidden = suppressList([started], { total: false }).cells[0] !== 'shown';
  return {
    started,
    medianDays: hidden ? null : (raw?.medianDays ?? null),
    p90Days: hidden ? null : (raw?.p90Days ?? null),
    hidden,
  };
}

import { z } from 'zod';

/**
 * Waiting times and capacity (issue 15, item 8). Waits are whole days from the referral's `sent` event to its
 * first `started` event, for referrals started in the last six months; median and 90th percentile interpolate
 * between neighbours (PostgreSQL's percentile_cont). Figures about fewer than five children are hidden (null,
 * `hidden: true`) by the measurement suppression rule.
 */
export const WAIT_WINDOW_MONTHS = 6;
export const DEFAULT_LONG_WAIT_DAYS = 30;

export interface TWaitFigures {
  /** Referrals started in the window. */
  started: number;
  medianDays: number | null;
  p90Days: number | null;
  /** True when `started` is under the suppression limit, so the figures are withheld. */
  hidden: boolean;
}

export interface TOfferWaitingTimes extends TWaitFigures {
  offerId: string;
  waitingList: number;
  capacityTotal: number | null;
  capacityFree: number | null;
  capacityUpdatedAt: string | null;
  windowMonths: number;
}

export const ZCapacityOverviewQuery = z.strictObject({
  longWaitDays: z.coerce.number().int().min(1).max(365).default(DEFAULT_LONG_WAIT_DAYS),
});
export type TCapacityOverviewQuery = z.infer<typeof ZCapacityOverviewQuery>;

export interface TCapacityOffer {
  offerId: string;
  name: string;
  kind: string;
  districtId: string | null;
  capacityTotal: number | null;
  capacityFree: number | null;
  waitingList: number;
  wait: TWaitFigures;
}

export interface TDeclinedCell {
  districtId: string | null;
  count: number | null;
  hidden: boolean;
}

export interface TCapacityOverview {
  windowMonths: number;
  longWaitDays: number;
  /** Active offers with a capacity and no free place. */
  full: TCapacityOffer[];
  /** Active offers whose median wait (shown) is at least `longWaitDays`. */
  longWaits: TCapacityOffer[];
  /** Referrals declined for lack of capacity in the window, per kind of offer (rows) and district (cells). */
  declinedNoCapacity: {
    districts: { id: string | null; name: string | null }[];
    rows: { kind: string; cells: TDeclinedCell[]; total: { count: number | null; hidden: boolean } }[];
  };
}

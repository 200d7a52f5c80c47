/**
 * Participation feeds the factor (issue 15, item 7): attendance the provider confirmed in an organised leisure
 * activity or a leisure job (an offer of a kind marked leisure) speaks for the protective factors the offer is
 * meant to strengthen. It counts as current while the last confirmed month is this month or one of the
 * `PARTICIPATION_MONTHS - 1` before it — providers confirm monthly, so one missed confirmation is not an end —
 * and the referral is still running (started or attending). It is shown and suggested, never set by itself.
 */
export const PARTICIPATION_MONTHS = 3;

/** Months (YYYY-MM) from `from` to `to`: 0 for the same month. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** Whether attendance last confirmed for `lastMonth` (YYYY-MM) is current on `today` (YYYY-MM-DD). */
export function participationCurrent(lastMonth: string, today: string): boolean {
  const gap = monthsBetween(lastMonth, today.slice(0, 7));
  return gap >= 0 && gap < PARTICIPATION_MONTHS;
}

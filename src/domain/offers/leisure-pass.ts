/**
 * The leisure pass (fritidspas, issue 15 item 6): an amount per child per calendar year that the municipality
 * pays towards leisure offers. What is granted and not cancelled in a year is used; a grant may not take the
 * child past the amount. A pass still not redeemed a number of weeks after it was granted is listed for its
 * granter, because many passes are never used.
 */

export const LEISURE_PASS_GRANT_ROLES = [
  'professional',
  'unitLeader',
  'caseworker',
  'caseworkManager',
] as const;
export type TLeisurePassGrantRole = (typeof LEISURE_PASS_GRANT_ROLES)[number];

export const DEFAULT_LEISURE_PASS = {
  enabled: false,
  amountPerYearDkk: 0,
  grantRoles: [...LEISURE_PASS_GRANT_ROLES] as TLeisurePassGrantRole[],
  unusedWeeks: 8,
};

export const LEISURE_PASS_STATUSES = ['granted', 'redeemed', 'cancelled'] as const;
export type TLeisurePassStatus = (typeof LEISURE_PASS_STATUSES)[number];

/** The budget year of a day (YYYY-MM-DD): its calendar year. */
export const budgetYear = (day: string): number => Number(day.slice(0, 4));

/** What is used and left of a child's amount for the year, from the amounts granted and not cancelled. */
export function passBudget(
  amountPerYear: number,
  grantedAmounts: readonly number[],
): { used: number; left: number } {
  const used = grantedAmounts.reduce((sum, a) => sum + a, 0);
  return { used, left: Math.max(0, amountPerYear - used) };
}

/** Whether a grant of `amount` fits in what is left of the year's amount. */
export const grantFits = (amount: number, left: number): boolean => amount >= 1 && amount <= left;

/** The day from which a pass granted on `grantedOn` counts as unused: `weeks` whole weeks later. */
export function unusedFrom(grantedOn: string, weeks: number): string {
  const d = new Date(`${grantedOn}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + weeks * 7);
  return d.toISOString().slice(0, 10);
}

/** A pass still granted (neither redeemed nor cancelled) `weeks` weeks or more after it was granted. */
export const passUnused = (
  pass: { status: TLeisurePassStatus; grantedOn: string },
  weeks: number,
  today: string,
): boolean => pass.status === 'granted' && unusedFrom(pass.grantedOn, weeks) <= today;

/** The steps a pass may take: a granted pass is redeemed or cancelled; after that it is settled. */
export const passStepAllowed = (from: TLeisurePassStatus, to: TLeisurePassStatus): boolean =>
  from === 'granted' && (to === 'redeemed' || to === 'cancelled');

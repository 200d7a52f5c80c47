import type { TRoundStatus } from '../../../shared/schemas/assessment-views.ts';
import type { TFactorStateValue } from '../../../shared/schemas/assessments.ts';

/** The half-year a round measures, from its opening date: January–June is H1, July–December H2. */
export function roundPeriod(opensOn: string): string {
  const month = Number(opensOn.slice(5, 7));
  return `${opensOn.slice(0, 4)}H${month <= 6 ? 1 : 2}`;
}

export type { TRoundStatus };

export function roundStatus(opensOn: string, closesOn: string, today: string): TRoundStatus {
  if (today < opensOn) return 'upcoming';
  return today > closesOn ? 'closed' : 'open';
}

/**
 * Whether the adults' own assessments disagree on a factor: two of them who knew (present or absent)
 * said different things. Not known is no opinion, so it never makes a disagreement.
 */
export function disagrees(states: readonly TFactorStateValue[]): boolean {
  return new Set(states.filter((s) => s !== 'unknown')).size > 1;
}

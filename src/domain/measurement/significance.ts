import type { TSummary } from './rollup.ts';

export interface TChange {
  /** Later mean minus earlier mean; null when either has no mean. */
  delta: number | null;
  significant: boolean;
}

type TSummaryLike = Pick<TSummary, 'mean' | 'ci95'>;

/**
 * "The intervals say so": a change counts only when both 95 % intervals exist and do not
 * overlap. Intervals that merely touch overlap. The rule is stricter than a two-sample test
 * (with equal standard errors, non-overlap needs about p < 0.006), so leaders are told of
 * fewer, surer changes — a missed small change costs less than steering by noise.
 * With the share intervals of decision 020, which allow for the largest variance a share can have,
 * it is stricter still: with no change it fires in at most 0.25 % of simulated pairs of 5–30
 * children (significance-error.test.ts), and a real change of 15 points between spread shares is
 * rarely caught below ~200 children a period (the decision record has the figures).
 */
export function changeIsSignificant(a: TSummaryLike, b: TSummaryLike): boolean {
  if (!a.ci95 || !b.ci95) return false;
  const [aLo, aHi] = a.ci95;
  const [bLo, bHi] = b.ci95;
  return aHi < bLo || bHi < aLo;
}

/** From `from` (e.g. the baseline period) to `to`. */
export function change(from: TSummaryLike, to: TSummaryLike): TChange {
  const delta = from.mean === null || to.mean === null ? null : to.mean - from.mean;
  return { delta, significant: changeIsSignificant(from, to) };
}

import { cellOf, summarise, type TBounds } from '../measurement/rollup.ts';

/**
 * Intervention learning (issue 15, item 9; decision 026): does an offer help? For the children who started it,
 * the change in the protective share (the measurement parameter) from the last joint assessment before the start
 * to the first one at least N months after, and the same change for comparable children who did not start it.
 */

/** A child's protective share in one joint assessment, overall and per policy theme (only themes known). */
export interface TShares {
  all: number | null;
  themes: Readonly<Record<string, number>>;
}

/** Two joint assessments of one child, and the stratum of the first: the age band and wellbeing position. */
export interface TLearningPair {
  childId: string;
  ageBand: string | null;
  position: string;
  before: TShares;
  after: TShares;
}

/** A change in a share lies in [-1, 1]: the bounded-share interval of decision 020, rescaled. */
export const CHANGE_BOUNDS: TBounds = Object.freeze([-1, 1] as const);

export interface TChangeSummary {
  n: number;
  meanBefore: number | null;
  meanAfter: number | null;
  meanChange: number | null;
  ci95: readonly [number, number] | null;
  /** n ÷ the children who started (starters only). */
  coverage: number | null;
}

/** Mean before, after and of the change, with the change's 95 % interval (n ≥ 2) and coverage of `started`. */
export function changeSummary(
  pairs: readonly { before: number; after: number }[],
  started?: number,
): TChangeSummary {
  const s = summarise(
    cellOf(
      pairs.map((p) => p.after - p.before),
      CHANGE_BOUNDS,
    ),
    started,
    CHANGE_BOUNDS,
  );
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length);
  return {
    n: s.n,
    meanBefore: mean(pairs.map((p) => p.before)),
    meanAfter: mean(pairs.map((p) => p.after)),
    meanChange: s.mean,
    ci95: s.ci95,
    coverage: s.coverage,
  };
}

export interface TGroupChange {
  overall: TChangeSummary;
  themes: Map<string, TChangeSummary>;
}

/** The change overall and per theme: each over the children whose two assessments both hold that share. */
export function groupChange(
  pairs: readonly TLearningPair[],
  themeCodes: readonly string[],
  started?: number,
) {
  const overall = pairs.flatMap((p) =>
    p.before.all === null || p.after.all === null ? [] : [{ before: p.before.all, after: p.after.all }],
  );
  const themes = new Map<string, TChangeSummary>();
  for (const code of themeCodes) {
    const inTheme = pairs.flatMap((p) => {
      const before = p.before.themes[code];
      const after = p.after.themes[code];
      return before === undefined || after === undefined ? [] : [{ before, after }];
    });
    themes.set(code, changeSummary(inTheme, started));
  }
  return { overall: changeSummary(overall, started), themes } satisfies TGroupChange;
}

export const stratumOf = (p: Pick<TLearningPair, 'ageBand' | 'position'>): string =>
  `${p.ageBand ?? '-'}|${p.position}`;

/**
 * Comparable children who did not start: of every child's own pair of assessments (the pool), those of children
 * outside `started` whose stratum — age band and wellbeing position at the first assessment — is one a starter
 * with a pair had.
 */
export function comparableNonStarters(
  starters: readonly TLearningPair[],
  started: ReadonlySet<string>,
  pool: readonly TLearningPair[],
): TLearningPair[] {
  const strata = new Set(starters.map(stratumOf));
  return pool.filter((p) => !started.has(p.childId) && strata.has(stratumOf(p)));
}

export interface TGroupFigures {
  /** Children who started (with or without assessments). */
  started: number;
  starters: TGroupChange;
  reference: TGroupChange;
}

/**
 * A group (an offer or a kind): its starters' change and the comparable non-starters' change. The comparison
 * leaves out `excluded` — for an offer, every child who started an offer of its kind: were the other offers'
 * starters in an offer's comparison but not in the kind's, the difference of the two would give away a small
 * offer the disclosure rule hides.
 */
export function groupFigures(
  started: ReadonlySet<string>,
  pairs: readonly TLearningPair[],
  pool: readonly TLearningPair[],
  themeCodes: readonly string[],
  excluded: ReadonlySet<string> = started,
): TGroupFigures {
  return {
    started: started.size,
    starters: groupChange(pairs, themeCodes, started.size),
    reference: groupChange(comparableNonStarters(pairs, excluded, pool), themeCodes),
  };
}

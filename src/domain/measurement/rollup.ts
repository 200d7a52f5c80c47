import { type IntervalsByPlace, shareIntervalInto } from './share-interval.ts';
import { tQuantile975 } from './t-quantile.ts';

/**
 * Sufficient statistics of children's protective shares (x in [0, 1]) for one population cell.
 * Cells add and subtract exactly, so a rollup table can be kept correct on every write
 * (subtract the child's old contribution, add the new) and cells combine into any coarser
 * population without going back to the assessments (docs/architecture.md, "Dashboards at scale").
 */
export interface TCell {
  n: number;
  sum: number;
  sumSq: number;
}

export interface TSummary {
  n: number;
  mean: number | null;
  sd: number | null;
  ci95: readonly [number, number] | null;
  coverage: number | null;
}

export const EMPTY_CELL: TCell = Object.freeze({ n: 0, sum: 0, sumSq: 0 });

/** Where x can lie: a protective share by default; risk load, a count, can use [0, ∞). */
export type TBounds = readonly [number, number];
export const SHARE_BOUNDS: TBounds = Object.freeze([0, 1] as const);

export function cellOf(values: readonly number[], bounds: TBounds = SHARE_BOUNDS): TCell {
  const [lo, hi] = bounds;
  let sum = 0;
  let sumSq = 0;
  for (const x of values) {
    if (!(x >= lo && x <= hi)) throw new RangeError(`a value must lie in [${lo}, ${hi}], got ${x}`);
    sum += x;
    sumSq += x * x;
  }
  return { n: values.length, sum, sumSq };
}

export function addCell(a: TCell, b: TCell): TCell {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

/** An emptied cell is reset to exact zeros so rounding left from past additions cannot linger. */
export function subtractCell(a: TCell, b: TCell): TCell {
  if (b.n > a.n) throw new RangeError(`cannot remove ${b.n} children from a cell of ${a.n}`);
  if (b.n === a.n) return EMPTY_CELL;
  return { n: a.n - b.n, sum: a.sum - b.sum, sumSq: a.sumSq - b.sumSq };
}

export function combine(cells: readonly TCell[]): TCell {
  return cells.reduce(addCell, EMPTY_CELL);
}

/** A child's new joint assessment replaces its earlier one in the same period; null = none. */
export function replaceContribution(
  cell: TCell,
  oldValue: number | null,
  newValue: number | null,
  bounds: TBounds = SHARE_BOUNDS,
): TCell {
  const without = oldValue === null ? cell : subtractCell(cell, cellOf([oldValue], bounds));
  return newValue === null ? without : addCell(without, cellOf([newValue], bounds));
}

/**
 * Σx² − (Σx)²/n cancels badly when all values are (nearly) equal; a remainder below
 * floating-point noise is a true zero. Shares are fractions with small denominators, so a real
 * spread is far above this threshold.
 */
function sumOfSquaredDeviations(n: number, sum: number, sumSq: number): number {
  const m2 = sumSq - (sum * sum) / n;
  return m2 <= 1e-12 * sumSq ? 0 : m2;
}

/**
 * Mean, sample standard deviation and a 95 % interval for the mean. For values with both bounds finite
 * (a share: [0, 1]) the interval depends only on n and the sum — the Clopper–Pearson-type interval of
 * share-interval.ts, which keeps its 95 % at small n and is never a single point (decision 020). For a
 * count with no upper bound (risk load) it is the t-interval, clamped to the lower bound, and none at
 * all where the children do not differ (a t-interval of zero width claims certainty it does not have).
 * No interval below n = 2 either way.
 * Coverage is n ÷ all children in the population — a mean over few assessed children may only
 * describe the ones someone was worried about.
 */
export function summarise(cell: TCell, populationSize?: number, bounds: TBounds = SHARE_BOUNDS): TSummary {
  const f = summariseInto(newFigures(), cell.n, cell.sum, cell.sumSq, populationSize, bounds);
  const orNull = (x: number) => (Number.isNaN(x) ? null : x);
  return {
    n: f.n,
    mean: orNull(f.mean),
    sd: orNull(f.sd),
    ci95: Number.isNaN(f.lo) ? null : [f.lo, f.hi],
    coverage: orNull(f.coverage),
  };
}

/** summarise's figures with NaN for "none", written into a reusable object. */
export interface TFigures {
  n: number;
  mean: number;
  sd: number;
  lo: number;
  hi: number;
  coverage: number;
}

export const newFigures = (): TFigures => ({
  n: 0,
  mean: Number.NaN,
  sd: Number.NaN,
  lo: Number.NaN,
  hi: Number.NaN,
  coverage: Number.NaN,
});

/**
 * The same figures as summarise, into `out` and without allocating: a dashboard summarises tens of
 * thousands of cells per answer.
 */
export function summariseInto(
  out: TFigures,
  n: number,
  sum: number,
  sumSq: number,
  populationSize?: number,
  bounds: TBounds = SHARE_BOUNDS,
  /** Bounds kept by the cell's place in an answer (share-interval.ts), and this cell's place. */
  kept: IntervalsByPlace | null = null,
  place = 0,
): TFigures {
  out.n = n;
  out.coverage = coverageOf(n, populationSize) ?? Number.NaN;
  out.mean = n === 0 ? Number.NaN : clamp(sum / n, bounds);
  if (n < 2) {
    out.sd = Number.NaN;
    out.lo = Number.NaN;
    out.hi = Number.NaN;
    return out;
  }
  const sd = Math.sqrt(sumOfSquaredDeviations(n, sum, sumSq) / (n - 1));
  out.sd = sd;
  const lo = bounds[0];
  const hi = bounds[1];
  if (Number.isFinite(lo) && Number.isFinite(hi)) {
    // The share interval on the values rescaled to [0, 1]; for shares themselves lo = 0 and width = 1.
    const width = hi - lo;
    if (kept) kept.into(out, place, n, (sum - n * lo) / width);
    else shareIntervalInto(out, n, (sum - n * lo) / width);
    out.lo = lo + out.lo * width;
    out.hi = lo + out.hi * width;
    return out;
  }
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  if (half === 0) {
    out.lo = Number.NaN;
    out.hi = Number.NaN;
    return out;
  }
  out.lo = clamp(out.mean - half, bounds);
  out.hi = clamp(out.mean + half, bounds);
  return out;
}

// A plain function, not a closure per call: dashboards summarise tens of thousands of cells per answer.
function clamp(x: number, bounds: TBounds): number {
  return Math.min(bounds[1], Math.max(bounds[0], x));
}

function coverageOf(n: number, populationSize: number | undefined): number | null {
  if (populationSize === undefined || populationSize === 0) return null;
  if (!Number.isInteger(populationSize) || populationSize < n)
    throw new RangeError(`population of ${populationSize} cannot hold ${n} assessed children`);
  return n / populationSize;
}

import { lnGamma, lowerTailQuantileWith } from './beta-distribution.ts';

/**
 * The 95 % interval for the mean of n shares in [0, 1] with sum s: the Clopper–Pearson interval with s
 * as a continuous number of "successes" (decision 020),
 *
 *   lower = the 2.5 % quantile of Beta(s, n − s + 1)      (0 when s = 0)
 *   upper = the 97.5 % quantile of Beta(s + 1, n − s)     (1 when s = n).
 *
 * A share in [0, 1] with mean μ has variance at most μ(1 − μ), reached by children who have all or none
 * of their protective factors; for them the interval is the exact binomial one, which covers the
 * truth at least 95 % of the time at every n. Spread shares vary less, so it covers them at least as
 * often (simulated in interval-coverage.test.ts). It depends on n and s only — unlike a t-interval it
 * cannot shrink to a point when five children all score 1.0, and it publishes nothing beyond n and
 * the mean.
 */

const TAIL = 0.025;

/** Where the bounds are written: TFigures in the hot path. */
export interface TInterval {
  lo: number;
  hi: number;
}

// A sum kept up by adding and subtracting shares may stray from 0 or n by rounding; shares are fractions
// with small denominators, so a sum this close to 0 or n is 0 or n.
const SNAP = 1e-9;

/** Both bounds into `out`, for a whole n ≥ 1 and s in [0, n]. Not cached; see shareIntervalInto. */
export function computeShareInterval(out: TInterval, n: number, s: number): TInterval {
  const sum = s < SNAP ? 0 : s > n - SNAP ? n : s;
  const rest = n - sum;
  // ln B(s, n − s + 1) and ln B(n − s, s + 1) share Γ(n + 1) (a whole n: cached), and Γ(x + 1) = x Γ(x)
  // leaves two log gammas for both bounds.
  const lnGammaN1 = lnGammaOfWhole(n + 1);
  const lnGammaS = sum === 0 ? 0 : lnGamma(sum);
  const lnGammaRest = rest === 0 ? 0 : lnGamma(rest);
  out.lo =
    sum === 0
      ? 0
      : lowerTailQuantileWith(TAIL, sum, rest + 1, lnGammaS + lnGammaRest + Math.log(rest || 1) - lnGammaN1);
  // The upper bound as 1 − the 2.5 % quantile of Beta(n − s, s + 1): a lower tail, without cancellation.
  out.hi =
    rest === 0
      ? 1
      : 1 -
        lowerTailQuantileWith(TAIL, rest, sum + 1, lnGammaRest + lnGammaS + Math.log(sum || 1) - lnGammaN1);
  return out;
}

// ln Γ(n + 1) = ln n! for every n a dashboard meets, computed once each.
const WHOLE_CACHED = 1 << 17;
let lnFactorials: Float64Array | null = null;
function lnGammaOfWhole(k: number): number {
  if (k >= WHOLE_CACHED || !Number.isInteger(k)) return lnGamma(k);
  if (lnFactorials === null) lnFactorials = new Float64Array(WHOLE_CACHED);
  let v = lnFactorials[k] as number;
  if (v === 0 && k > 2) {
    v = lnGamma(k);
    lnFactorials[k] = v;
  }
  return v;
}

/**
 * A cache of (n, s) → bounds in sets of two entries, the newer first. A dashboard asks for tens of
 * thousands of cells and then again for the same cells; a hit costs a hash and a few comparisons where
 * the computation costs a microsecond or more. The key is the exact s, so a cached interval is the
 * computed one. 2¹⁷ sets (8 MB) hold a Copenhagen-scale dashboard (~41,000 cells, ~29,000 distinct
 * (n, s)) with ~2 % of its keys in an overfull set.
 */
const SET_BITS = 17;
// Allocated on first use: every process that imports the measurement domain need not hold 8 MB.
let table: Float64Array | null = null;
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** computeShareInterval, cached: the same bounds, bit for bit (n a whole number ≥ 1, as there). */
export function shareIntervalInto(out: TInterval, n: number, s: number): TInterval {
  bits[0] = s;
  let h =
    Math.imul(words[0] as number, 0x9e3779b1) ^
    Math.imul(words[1] as number, 0x85ebca6b) ^
    Math.imul(n, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  const set = ((h ^ (h >>> 15)) >>> (32 - SET_BITS)) << 3;
  if (table === null) table = new Float64Array(8 << SET_BITS);
  const cache = table;
  if (cache[set] === n && cache[set + 1] === s) {
    out.lo = cache[set + 2] as number;
    out.hi = cache[set + 3] as number;
    return out;
  }
  if (cache[set + 4] === n && cache[set + 5] === s) {
    out.lo = cache[set + 6] as number;
    out.hi = cache[set + 7] as number;
    return out;
  }
  computeShareInterval(out, n, s);
  // The newer entry moves to second place; the older one leaves.
  cache.copyWithin(set + 4, set, set + 4);
  cache[set] = n;
  cache[set + 1] = s;
  cache[set + 2] = out.lo;
  cache[set + 3] = out.hi;
  return out;
}

/**
 * The bounds of one answer's cells by their place in it, kept for the next answer of the same shape. A
 * dashboard asks for the same cells again and again; while a cell's n and sum are unchanged its bounds
 * are read in order from a column instead of from a hash table that spans megabytes (a cache miss per
 * cell). A place whose n or sum differs (new data) is computed as before, so the bounds are always the
 * computed ones, bit for bit, whatever the key.
 */
export class IntervalsByPlace {
  readonly n: Float64Array;
  readonly s: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;

  constructor(readonly count: number) {
    this.n = new Float64Array(count).fill(Number.NaN);
    this.s = new Float64Array(count);
    this.lo = new Float64Array(count);
    this.hi = new Float64Array(count);
  }

  /** shareIntervalInto for the cell at `place`. */
  into(out: TInterval, place: number, n: number, s: number): TInterval {
    if (this.n[place] === n && this.s[place] === s) {
      out.lo = this.lo[place] as number;
      out.hi = this.hi[place] as number;
      return out;
    }
    shareIntervalInto(out, n, s);
    this.n[place] = n;
    this.s[place] = s;
    this.lo[place] = out.lo;
    this.hi[place] = out.hi;
    return out;
  }
}

// The shapes asked for lately, the newest last; at most this many cells kept in all (~32 bytes each).
const KEPT_CELLS = 400_000;
const byShape = new Map<string, IntervalsByPlace>();
let keptCells = 0;

/** The kept bounds of the answer shape `key` with `count` cells (new, if its count changed). */
export function intervalsByPlace(key: string, count: number): IntervalsByPlace {
  let kept = byShape.get(key);
  if (kept) byShape.delete(key);
  if (!kept || kept.count !== count) {
    if (kept) keptCells -= kept.count;
    kept = new IntervalsByPlace(count);
    keptCells += count;
  }
  byShape.set(key, kept);
  for (const [oldest, memo] of byShape) {
    if (keptCells <= KEPT_CELLS || oldest === key) break;
    byShape.delete(oldest);
    keptCells -= memo.count;
  }
  return kept;
}

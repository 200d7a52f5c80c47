/**
 * The 97.5 % quantile of Student's t, for two-sided 95 % intervals. Small populations (a unit,
 * an age band in a small municipality) have small n, where the normal 1.96 would make intervals
 * too narrow and changes look significant that are not.
 */

/** df 1..30, to 10 decimals (scipy.stats.t.ppf(0.975, df)). */
const T975 = [
  12.7062047362, 4.3026527297, 3.1824463053, 2.7764451052, 2.5705818356, 2.4469118511, 2.3646242516,
  2.3060041352, 2.2621571628, 2.228138852, 2.2009851601, 2.1788128297, 2.1603686565, 2.1447866879,
  2.1314495456, 2.1199052992, 2.1098155778, 2.1009220402, 2.0930240544, 2.0859634473, 2.0796138447,
  2.0738730679, 2.0686576104, 2.0638985616, 2.0595385528, 2.0555294386, 2.0518305165, 2.0484071418,
  2.0452296421, 2.0422724563,
] as const;

export const Z975 = 1.959963984540054;

/**
 * Beyond the table, the Cornish–Fisher expansion of t around the normal quantile (Abramowitz &
 * Stegun 26.7.5) is within 3e-8 of the exact value from df 31 on, so there is no jump at 30 → 31
 * as there would be if we switched straight to 1.96.
 */
function cornishFisher(df: number): number {
  const z = Z975;
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

// The expansion once per df a dashboard meets (tens of thousands of cells share a few hundred df).
const CACHED_DF = 100_000;
const cache = new Float64Array(CACHED_DF + 1);

export function tQuantile975(df: number): number {
  if (df === Number.POSITIVE_INFINITY) return Z975;
  if (!Number.isInteger(df) || df < 1)
    throw new RangeError(`degrees of freedom must be a whole number ≥ 1, got ${df}`);
  const table = T975[df - 1];
  if (table !== undefined) return table;
  if (df > CACHED_DF) return cornishFisher(df);
  if (cache[df] === 0) cache[df] = cornishFisher(df);
  return cache[df] as number;
}

import { describe, expect, it } from 'vitest';
import { tQuantile975, Z975 } from './t-quantile.ts';

describe('tQuantile975', () => {
  // Reference values: scipy.stats.t.ppf(0.975, df).
  it.each([
    [1, 12.706204736],
    [2, 4.30265273],
    [5, 2.570581836],
    [10, 2.228138852],
    [30, 2.042272456],
    [31, 2.039513446],
    [40, 2.02107539],
    [60, 2.000297822],
    [100, 1.983971519],
    [1000, 1.962339081],
    [1_000_000, 1.959966357],
    [Number.POSITIVE_INFINITY, 1.959963985],
  ])('df %s → %s', (df, expected) => {
    expect(tQuantile975(df)).toBeCloseTo(expected, 7);
  });

  it('falls steadily towards the normal quantile, with no jump after the table', () => {
    const ts = Array.from({ length: 5000 }, (_, i) => tQuantile975(i + 1));
    expect(ts.every((t, i) => t > Z975 && (i === 0 || t < (ts[i - 1] ?? 0)))).toBe(true);
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses df %s', (df) => {
    expect(() => tQuantile975(df)).toThrow(RangeError);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaQuantile } from './beta-distribution.ts';
import {
  addCell,
  cellOf,
  combine,
  EMPTY_CELL,
  replaceContribution,
  subtractCell,
  summarise,
  type TCell,
  type TSummary,
} from './rollup.ts';

const close = (actual: number | null, expected: number | null, digits = 9) => {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, digits);
};

const expectSummary = (actual: TSummary, expected: TSummary, digits = 9) => {
  expect(actual.n).toBe(expected.n);
  close(actual.mean, expected.mean, digits);
  close(actual.sd, expected.sd, digits);
  close(actual.coverage, expected.coverage, digits);
  if (expected.ci95 === null) expect(actual.ci95).toBeNull();
  else {
    close(actual.ci95?.[0] ?? null, expected.ci95[0], digits);
    close(actual.ci95?.[1] ?? null, expected.ci95[1], digits);
  }
};

describe('summarise', () => {
  // Expected values computed independently: numpy mean/std(ddof=1); the interval with scipy
  // beta.ppf(0.025, s, n − s + 1) and beta.ppf(0.975, s + 1, n − s) for n children with sum s.
  it.each<[string, number[], number | undefined, TSummary]>([
    ['no children', [], undefined, { n: 0, mean: null, sd: null, ci95: null, coverage: null }],
    ['no children in a population of 10', [], 10, { n: 0, mean: null, sd: null, ci95: null, coverage: 0 }],
    [
      'one child: a mean, no spread, no interval',
      [0.75],
      4,
      { n: 1, mean: 0.75, sd: null, ci95: null, coverage: 0.25 },
    ],
    [
      'two children: a wide interval',
      [0.9, 0.1],
      undefined,
      { n: 2, mean: 0.5, sd: 0.565685424949, ci95: [0.012579117093, 0.987420882907], coverage: null },
    ],
    [
      'all equal: sd 0, yet an interval as wide as five children warrant',
      [0.3, 0.3, 0.3, 0.3, 0.3],
      5,
      { n: 5, mean: 0.3, sd: 0, ci95: [0.022512765999, 0.790583335924], coverage: 1 },
    ],
    [
      'all zero: not the point [0, 0]',
      [0, 0, 0],
      undefined,
      { n: 3, mean: 0, sd: 0, ci95: [0, 0.707598226179], coverage: null },
    ],
    [
      'five children all at 1.0: not the point [1, 1]',
      [1, 1, 1, 1, 1],
      undefined,
      { n: 5, mean: 1, sd: 0, ci95: [0.478176249895, 1], coverage: null },
    ],
    [
      'four evenly spread shares',
      [0.2, 0.4, 0.6, 0.8],
      8,
      { n: 4, mean: 0.5, sd: 0.258198889747, ci95: [0.067585986489, 0.932414013511], coverage: 0.5 },
    ],
    [
      'six shares',
      [0.5, 0.75, 1, 0.25, 0.5, 0.625],
      undefined,
      {
        n: 6,
        mean: 0.604166666667,
        sd: 0.25515518154,
        ci95: [0.18011129664, 0.932370302532],
        coverage: null,
      },
    ],
    [
      'three of four at 1.0: the upper bound just below 1',
      [1, 1, 1, 0.5],
      undefined,
      { n: 4, mean: 0.875, sd: 0.25, ci95: [0.283751679563, 0.999884667212], coverage: null },
    ],
  ])('%s', (_why, values, population, expected) => {
    expectSummary(summarise(cellOf(values), population), expected);
  });

  it.each([
    ['a population smaller than n', 3, 2],
    ['a fractional population', 3, 4.5],
    ['a negative population', 0, -1],
  ])('refuses %s', (_why, n, population) => {
    expect(() => summarise(cellOf(Array(n).fill(0.5)), population)).toThrow(RangeError);
  });
});

describe('summarise with other bounds (risk load, a count)', () => {
  const RISK: readonly [number, number] = [0, Number.POSITIVE_INFINITY];
  // Unbounded above: the t-interval (scipy t.ppf(0.975, n − 1)), clamped at 0.
  it.each<[string, number[], TSummary]>([
    [
      'the interval may pass 1 but not 0',
      [0, 1, 2, 5],
      { n: 4, mean: 2, sd: 2.160246899469, ci95: [0, 5.437434881858], coverage: null },
    ],
    [
      'no spread: no interval rather than a point',
      [3, 3],
      { n: 2, mean: 3, sd: 0, ci95: null, coverage: null },
    ],
  ])('%s', (_why, values, expected) => {
    expectSummary(summarise(cellOf(values, RISK), undefined, RISK), expected);
  });

  it('with both bounds finite, uses the share interval on the rescaled values', () => {
    const TEN: readonly [number, number] = [0, 10];
    expectSummary(summarise(cellOf([2, 4, 6, 8], TEN), undefined, TEN), {
      n: 4,
      mean: 5,
      sd: 2.58198889747,
      ci95: [0.67585986489, 9.32414013511],
      coverage: null,
    });
  });

  it('replaces a contribution outside [0, 1]', () => {
    expect(replaceContribution(cellOf([2, 4], RISK), 4, 7, RISK)).toEqual(cellOf([2, 7], RISK));
  });

  it('still refuses values below the lower bound', () => {
    expect(() => cellOf([-1], RISK)).toThrow(RangeError);
  });
});

describe('cellOf', () => {
  it.each([-0.01, 1.01, Number.NaN, Number.POSITIVE_INFINITY])('refuses the value %s', (x) => {
    expect(() => cellOf([x])).toThrow(RangeError);
  });
});

describe('subtractCell and replaceContribution', () => {
  const cell = cellOf([0.2, 0.4, 0.6]);
  it.each<[string, TCell]>([
    ['replace a child’s share', replaceContribution(cell, 0.6, 1)],
    ['add a newly assessed child', replaceContribution(cellOf([0.2, 0.4]), null, 1)],
    ['remove a child and add it back', replaceContribution(replaceContribution(cell, 0.6, null), null, 1)],
  ])('%s', (_why, actual) => {
    const expected = cellOf([0.2, 0.4, 1]);
    expect(actual.n).toBe(expected.n);
    expect(actual.sum).toBeCloseTo(expected.sum, 12);
    expect(actual.sumSq).toBeCloseTo(expected.sumSq, 12);
  });

  it('empties to exact zeros', () => {
    expect(subtractCell(cellOf([0.1, 0.2]), cellOf([0.2, 0.1]))).toEqual(EMPTY_CELL);
  });

  it('refuses to remove more children than the cell holds', () => {
    expect(() => subtractCell(cellOf([0.5]), cellOf([0.5, 0.5]))).toThrow(RangeError);
  });
});

/** Shares are present ÷ assessed, so fractions k/m with small m are the realistic input. */
const share = fc.integer({ min: 1, max: 40 }).chain((m) => fc.integer({ min: 0, max: m }).map((k) => k / m));

function direct(values: readonly number[]): TSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, ci95: null, coverage: null };
  const mean = values.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { n, mean, sd: null, ci95: null, coverage: null };
  const sd = Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const s = mean * n;
  const lo = s === 0 ? 0 : betaQuantile(0.025, s, n - s + 1);
  const hi = s === n ? 1 : betaQuantile(0.975, s + 1, n - s);
  return { n, mean, sd, ci95: [lo, hi], coverage: null };
}

describe('cells, for any shares', () => {
  it('combining cells of parts summarises like the raw values, computed directly', () => {
    fc.assert(
      fc.property(fc.array(fc.array(share, { maxLength: 30 }), { maxLength: 8 }), (parts) => {
        const combined = summarise(combine(parts.map((part) => cellOf(part))));
        expectSummary(combined, direct(parts.flat()));
      }),
    );
  });

  it('subtract(add(a, b), b) = a', () => {
    fc.assert(
      fc.property(fc.array(share, { maxLength: 50 }), fc.array(share, { maxLength: 50 }), (xs, ys) => {
        const a = cellOf(xs);
        const back = subtractCell(addCell(a, cellOf(ys)), cellOf(ys));
        expect(back.n).toBe(a.n);
        expect(back.sum).toBeCloseTo(a.sum, 9);
        expect(back.sumSq).toBeCloseTo(a.sumSq, 9);
      }),
    );
  });

  it('the interval holds the mean, stays inside [0, 1] and is never a single point', () => {
    fc.assert(
      fc.property(fc.array(share, { minLength: 2, maxLength: 60 }), (xs) => {
        const { mean, ci95 } = summarise(cellOf(xs));
        expect(ci95).not.toBeNull();
        const [lo, hi] = ci95 ?? [0, 0];
        expect(0 <= lo && lo <= (mean ?? -1) + 1e-12 && (mean ?? 2) <= hi + 1e-12 && hi <= 1).toBe(true);
        expect(hi).toBeGreaterThan(lo);
      }),
    );
  });

  it('the interval depends on n and the sum only, so it tells nothing more about the children', () => {
    fc.assert(
      fc.property(fc.array(share, { minLength: 2, maxLength: 60 }), (xs) => {
        // The same n and sum from children who all have the mean share.
        const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
        const spread = summarise(cellOf(xs)).ci95;
        const even = summarise(cellOf(xs.map(() => mean))).ci95;
        expect(spread?.[0]).toBeCloseTo(even?.[0] ?? Number.NaN, 9);
        expect(spread?.[1]).toBeCloseTo(even?.[1] ?? Number.NaN, 9);
      }),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MEASUREMENT_DEFINITION } from './definition.ts';
import {
  computeShareInterval,
  intervalsByPlace,
  shareIntervalInto,
  type TInterval,
} from './share-interval.ts';

const interval = (n: number, s: number): [number, number] => {
  const out = computeShareInterval({ lo: 0, hi: 0 }, n, s);
  return [out.lo, out.hi];
};

describe('the share interval', () => {
  // Reference: scipy.stats.beta.ppf(0.025, s, n − s + 1) and beta.ppf(0.975, s + 1, n − s).
  it.each([
    [2, 1, 0.012579117093, 0.987420882907],
    [5, 1.5, 0.022512765999, 0.790583335924],
    [3, 0, 0, 0.707598226179],
    [4, 2, 0.067585986489, 0.932414013511],
    [6, 3.625, 0.18011129664, 0.932370302532],
    [4, 3.5, 0.283751679563, 0.999884667212],
    [5, 5, 0.478176249895, 1],
    [5, 0, 0, 0.521823750105],
    [5, 4, 0.283582063882, 0.994949236621],
    [30, 29, 0.827830544367, 0.999156429073],
    [30, 15.5, 0.328021355648, 0.701897743929],
    [100, 37.25, 0.277862825398, 0.474902476203],
    [1000, 912.5, 0.893248603855, 0.929278275737],
    [2, 0.0001, 0, 0.841911668312],
  ])('n = %s, sum = %s: [%s, %s]', (n, s, lo, hi) => {
    const [actualLo, actualHi] = interval(n, s);
    expect(actualLo).toBeCloseTo(lo, 11);
    expect(actualHi).toBeCloseTo(hi, 11);
  });

  it('five children all at 1.0 get [47.8 %, 100 %], not the single point [100 %, 100 %]', () => {
    const [lo, hi] = interval(5, 5);
    expect(hi).toBe(1);
    expect(lo).toBeCloseTo(0.025 ** (1 / 5), 12);
  });

  // For children who have all or none of their factors the interval is the exact binomial one: its
  // coverage, summed over every possible count, is at least 95 % for any true share.
  it.each([2, 3, 5, 8, 15, 30, 60])('covers a binary share ≥ 95 %% for every true share at n = %s', (n) => {
    const bounds = Array.from({ length: n + 1 }, (_, k) => interval(n, k));
    for (let i = 1; i < 1000; i++) {
      const p = i / 1000;
      let coverage = 0;
      let pmf = (1 - p) ** n;
      for (let k = 0; k <= n; k++) {
        const [lo, hi] = bounds[k] as [number, number];
        if (lo <= p && p <= hi) coverage += pmf;
        pmf *= ((n - k) / (k + 1)) * (p / (1 - p));
      }
      expect(coverage).toBeGreaterThanOrEqual(0.95 - 1e-9);
    }
  });

  const cell = fc
    .integer({ min: 2, max: 5000 })
    .chain((n) => fc.tuple(fc.constant(n), fc.double({ min: 0, max: n, noNaN: true })));

  it('holds the mean, stays in [0, 1] and never has zero width', () => {
    fc.assert(
      fc.property(cell, ([n, s]) => {
        const [lo, hi] = interval(n, s);
        expect(0 <= lo && lo <= s / n && s / n <= hi && hi <= 1).toBe(true);
        expect(hi - lo).toBeGreaterThan(0);
      }),
    );
  });

  it('mirrors: the interval of the shares 1 − x is the mirror image', () => {
    fc.assert(
      fc.property(cell, ([n, s]) => {
        const [lo, hi] = interval(n, s);
        const [mLo, mHi] = interval(n, n - s);
        expect(lo).toBeCloseTo(1 - mHi, 10);
        expect(hi).toBeCloseTo(1 - mLo, 10);
      }),
    );
  });

  it('rises with the sum', () => {
    fc.assert(
      fc.property(cell, fc.double({ min: 0, max: 1, noNaN: true }), ([n, s], f) => {
        const t = s + f * (n - s);
        const [lo, hi] = interval(n, s);
        const [lo2, hi2] = interval(n, t);
        expect(lo2).toBeGreaterThanOrEqual(lo - 1e-13);
        expect(hi2).toBeGreaterThanOrEqual(hi - 1e-13);
      }),
    );
  });

  it('narrows as more children give the same mean', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, mean) => {
        const [lo, hi] = interval(n, mean * n);
        const [lo4, hi4] = interval(4 * n, mean * 4 * n);
        expect(hi4 - lo4).toBeLessThan(hi - lo);
      }),
    );
  });

  it('treats a sum a rounding past 0 or n as 0 or n', () => {
    expect(interval(5, -1e-15)).toEqual(interval(5, 0));
    expect(interval(5, 5 + 1e-15)).toEqual(interval(5, 5));
  });
});

describe('shareIntervalInto (cached)', () => {
  it('gives the computed bounds bit for bit, also when asked again and after other cells', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .integer({ min: 2, max: 300 })
            .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: 6 * n }))),
          { minLength: 1, maxLength: 50 },
        ),
        (cells) => {
          const out: TInterval = { lo: 0, hi: 0 };
          for (let pass = 0; pass < 2; pass++)
            for (const [n, k] of cells) {
              const s = k / 6;
              shareIntervalInto(out, n, s);
              expect([out.lo, out.hi]).toEqual(interval(n, s));
            }
        },
      ),
    );
  });
});

describe('intervals kept by place', () => {
  it('give the computed bounds bit for bit, whatever changed at a place between answers', () => {
    const cell = fc
      .integer({ min: 2, max: 300 })
      .chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: 6 * n })));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 4, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom('one shape', 'another shape'),
        (answers, key) => {
          const out: TInterval = { lo: 0, hi: 0 };
          // Answers of the same shape, each with some cells changed, as data change between requests.
          for (const cells of answers) {
            const kept = intervalsByPlace(key, cells.length);
            cells.forEach(([n, k], place) => {
              kept.into(out, place, n, k / 6);
              expect([out.lo, out.hi]).toEqual(interval(n, k / 6));
            });
          }
        },
      ),
    );
  });

  it('keeps a shape while its count is unchanged, and starts it anew when the count changes', () => {
    const a = intervalsByPlace('shape a', 3);
    expect(intervalsByPlace('shape a', 3)).toBe(a);
    expect(intervalsByPlace('shape a', 4)).not.toBe(a);
  });

  it('forgets the oldest shapes, not the one asked for, when too many cells are kept', () => {
    const first = intervalsByPlace('first', 1);
    const big = intervalsByPlace('big', 400_000);
    intervalsByPlace('big', 400_000);
    expect(intervalsByPlace('big', 400_000)).toBe(big);
    expect(intervalsByPlace('first', 1)).not.toBe(first);
  });
});

describe('the definition of the interval', () => {
  it.each([
    ['da', 'Clopper–Pearson', 'interval ikke tilgængeligt'],
    ['en', 'Clopper–Pearson', 'interval not available'],
  ] as const)('%s names the interval and what is shown when there is none', (locale, method, none) => {
    const { text } = MEASUREMENT_DEFINITION[locale].ci95;
    expect(text).toContain(method);
    expect(text).toContain(none);
    expect(text).not.toContain('t-');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { betaQuantile, incompleteBeta, lnBeta, lnGamma } from './beta-distribution.ts';

// Reference values: scipy.special.gammaln, betainc and betaincinv (SciPy 1.17).
describe('lnGamma', () => {
  it.each([
    [0.001, 6.907178885383853],
    [0.5, 0.5723649429247],
    [1, 0],
    [2, 0],
    [3.5, 1.2009736023470743],
    [10, 12.801827480081469],
    [171.5, 709.1431630309283],
    [1e6, 12815504.569147611],
  ])('ln Γ(%s) = %s', (x, expected) => {
    expect(Math.abs(lnGamma(x) - expected)).toBeLessThanOrEqual(1e-13 * Math.max(1, Math.abs(expected)));
  });

  it('satisfies Γ(x + 1) = x Γ(x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), (x) => {
        expect(lnGamma(x + 1)).toBeCloseTo(lnGamma(x) + Math.log(x), 9);
      }),
    );
  });

  it.each([0, -1, Number.NaN])('refuses %s', (x) => {
    expect(() => lnGamma(x)).toThrow(RangeError);
  });
});

describe('incompleteBeta', () => {
  it.each([
    [0.3, 2, 5, 0.5798250000000003],
    [0.5, 0.5, 0.5, 0.5],
    [0.9, 10, 2, 0.6973568802000002],
    [0.01, 0.2, 3, 0.5237545708662276],
    [0.45, 500, 600, 0.38169373366484016],
    [0.999, 3, 0.4, 0.8940597203655919],
  ])('I_%s(%s, %s) = %s', (x, a, b, expected) => {
    expect(incompleteBeta(x, a, b)).toBeCloseTo(expected, 12);
  });

  const shape = fc.double({ min: 0.01, max: 2000, noNaN: true });
  const unit = fc.double({ min: 0, max: 1, noNaN: true });

  it('matches the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ', () => {
    fc.assert(
      fc.property(unit, fc.double({ min: 0.01, max: 50, noNaN: true }), (x, a) => {
        expect(incompleteBeta(x, a, 1)).toBeCloseTo(x ** a, 12);
        expect(incompleteBeta(x, 1, a)).toBeCloseTo(1 - (1 - x) ** a, 12);
      }),
    );
  });

  it('is a distribution function: in [0, 1], 0 at 0, 1 at 1, rising in x, and I_x(a, b) = 1 − I_{1−x}(b, a)', () => {
    fc.assert(
      fc.property(unit, unit, shape, shape, (x1, x2, a, b) => {
        const [x, y] = x1 <= x2 ? [x1, x2] : [x2, x1];
        const ix = incompleteBeta(x, a, b);
        expect(ix).toBeGreaterThanOrEqual(0);
        expect(ix).toBeLessThanOrEqual(1);
        expect(incompleteBeta(y, a, b)).toBeGreaterThanOrEqual(ix - 1e-14);
        // Only where 1 − x is exact: near 0 a rounded reflection moves a steep tail.
        if (1 - (1 - x) === x) expect(ix).toBeCloseTo(1 - incompleteBeta(1 - x, b, a), 11);
        expect(incompleteBeta(0, a, b)).toBe(0);
        expect(incompleteBeta(1, a, b)).toBe(1);
      }),
    );
  });

  it.each([
    [0.5, 0, 1],
    [0.5, 1, -1],
    [0.5, Number.POSITIVE_INFINITY, 1],
    [Number.NaN, 1, 1],
  ])('refuses x %s with shapes %s and %s', (x, a, b) => {
    expect(() => incompleteBeta(x, a, b)).toThrow(RangeError);
  });
});

describe('betaQuantile', () => {
  it.each([
    [0.025, 2.5, 3.5, 0.09439032734434406],
    [0.5, 0.5, 0.5, 0.5],
    [0.975, 10, 2, 0.9771688017000404],
    [0.001, 0.2, 3, 2.495343537242626e-16],
    [0.9, 500, 600, 0.4738003915058504],
    [0.025, 1, 30, 0.0008435709266304788],
  ])('the %s quantile of Beta(%s, %s) is %s', (p, a, b, expected) => {
    expect(Math.abs(betaQuantile(p, a, b) - expected)).toBeLessThanOrEqual(1e-11 * expected);
  });

  // Shapes from 0.001 to 100,000, as many small as large; probabilities near 0 and 1 as often as not.
  const shape = fc.double({ min: -3, max: 5, noNaN: true }).map((e) => 10 ** e);
  const probability = fc.oneof(
    fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
    fc.double({ min: -6, max: -0.3, noNaN: true }).map((e) => 10 ** e),
    fc.double({ min: -6, max: -0.3, noNaN: true }).map((e) => 1 - 10 ** e),
  );

  it('inverts the incomplete beta function, for any shapes however skewed', () => {
    fc.assert(
      fc.property(probability, shape, shape, (p, a, b) => {
        const x = betaQuantile(p, a, b);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        // p lies between I just below and just above x, as near as doubles allow (none below 5e-324,
        // steps of 1e-16 near 1) and ln B (its terms cancel to ~1e-10 for shapes near 100,000).
        if (x > 1e-300) expect(incompleteBeta(x * (1 - 1e-10), a, b)).toBeLessThanOrEqual(p + 1e-12);
        expect(
          incompleteBeta(Math.min(1, x + Math.max(1e-10 * (1 - x), 3e-16)), a, b),
        ).toBeGreaterThanOrEqual(p - 1e-12);
        if (a >= 0.5 && b >= 0.5 && x > 1e-6 && x < 1 - 1e-6)
          expect(incompleteBeta(x, a, b)).toBeCloseTo(p, 10);
      }),
    );
  });

  it('rises with p', () => {
    fc.assert(
      fc.property(probability, probability, shape, shape, (p1, p2, a, b) => {
        const [p, q] = p1 <= p2 ? [p1, p2] : [p2, p1];
        expect(betaQuantile(q, a, b)).toBeGreaterThanOrEqual(betaQuantile(p, a, b) * (1 - 1e-12));
      }),
    );
  });

  it('gives 0 and 1 at the ends', () => {
    expect(betaQuantile(0, 2, 3)).toBe(0);
    expect(betaQuantile(1, 2, 3)).toBe(1);
  });

  it.each([
    [-0.1, 1, 1],
    [1.1, 1, 1],
    [Number.NaN, 1, 1],
    [0.5, 0, 1],
  ])('refuses p %s with shapes %s and %s', (p, a, b) => {
    expect(() => betaQuantile(p, a, b)).toThrow(RangeError);
  });

  it('is consistent with lnBeta: B(a, b) = B(b, a) and B(1, b) = 1/b', () => {
    fc.assert(
      fc.property(shape, shape, (a, b) => {
        expect(lnBeta(a, b)).toBeCloseTo(lnBeta(b, a), 9);
        expect(lnBeta(1, b)).toBeCloseTo(-Math.log(b), 9);
      }),
    );
  });
});

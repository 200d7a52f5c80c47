import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shareAxis } from './share-axis.ts';

describe('the axis of a share chart', () => {
  it('is 0–100 % when there is nothing to show', () => {
    expect(shareAxis([])).toEqual({ min: 0, max: 1, ticks: [0, 0.25, 0.5, 0.75, 1] });
  });

  it.each([
    // Values (means and interval ends), then the axis ends.
    [[0.55, 0.58, 0.62], 0.5, 0.65],
    [[0.4, 0.8], 0.3, 0.9],
    [[0.6], 0.58, 0.62],
    [[0.005, 0.03], 0, 0.05],
    [[0.97, 1], 0.95, 1],
    [[0, 1], 0, 1],
  ])('fits %j between %s and %s', (values, min, max) => {
    const axis = shareAxis(values);
    expect(axis.min).toBeCloseTo(min, 9);
    expect(axis.max).toBeCloseTo(max, 9);
  });

  it('holds every value, stays within 0–100 % and marks a few evenly spaced shares', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (vs) => {
          const { min, max, ticks } = shareAxis(vs);
          expect(min).toBeGreaterThanOrEqual(0);
          expect(max).toBeLessThanOrEqual(1);
          expect(min).toBeLessThan(max);
          for (const v of vs) expect(v >= min - 1e-9 && v <= max + 1e-9).toBe(true);
          expect(ticks[0]).toBe(min);
          expect(ticks[ticks.length - 1]).toBe(max);
          expect(ticks.length).toBeGreaterThanOrEqual(2);
          expect(ticks.length).toBeLessThanOrEqual(7);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysAxis } from './days-axis.ts';

describe('the axis of days', () => {
  it.each([
    [[], 5],
    [[0], 5],
    [[3.5], 5],
    [[5], 5],
    [[5.5], 10],
    [[12, 4], 20],
    [[21], 50],
    [[101], 200],
  ])('%j → 0 to %s days', (values, max) => expect(daysAxis(values).max).toBe(max));

  it('holds every value in at most two and a half times the largest, in five steps of whole days', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { maxLength: 20 }), (vs) => {
        const { max, ticks } = daysAxis(vs);
        const largest = Math.max(0, ...vs);
        expect(max).toBeGreaterThanOrEqual(largest);
        expect(max).toBeLessThanOrEqual(Math.max(5, largest * 2.5));
        expect(ticks).toHaveLength(6);
        for (const [i, tick] of ticks.entries()) expect(tick).toBe((max * i) / 5);
        expect(ticks.every(Number.isInteger)).toBe(true);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cellOf, summarise, type TSummary } from './rollup.ts';
import { change, changeIsSignificant } from './significance.ts';

const s = (mean: number | null, ci95: [number, number] | null): TSummary => ({
  n: 30,
  mean,
  sd: null,
  ci95,
  coverage: null,
});

describe('changeIsSignificant and change', () => {
  it.each<[string, TSummary, TSummary, number | null, boolean]>([
    ['clearly apart, rising', s(0.4, [0.35, 0.45]), s(0.6, [0.55, 0.65]), 0.2, true],
    ['clearly apart, falling', s(0.6, [0.55, 0.65]), s(0.4, [0.35, 0.45]), -0.2, true],
    ['overlapping', s(0.4, [0.3, 0.5]), s(0.5, [0.45, 0.55]), 0.1, false],
    ['touching intervals overlap', s(0.4, [0.35, 0.45]), s(0.5, [0.45, 0.55]), 0.1, false],
    ['one inside the other', s(0.5, [0.2, 0.8]), s(0.55, [0.5, 0.6]), 0.05, false],
    ['same figure', s(0.5, [0.4, 0.6]), s(0.5, [0.4, 0.6]), 0, false],
    ['earlier has no interval (n < 2)', s(0.1, null), s(0.9, [0.85, 0.95]), 0.8, false],
    ['later has no interval', s(0.1, [0.05, 0.15]), s(0.9, null), 0.8, false],
    ['neither has a mean (n = 0)', s(null, null), s(null, null), null, false],
    ['earlier has no mean', s(null, null), s(0.5, [0.4, 0.6]), null, false],
  ])('%s', (_why, from, to, delta, significant) => {
    expect(changeIsSignificant(from, to)).toBe(significant);
    expect(changeIsSignificant(to, from)).toBe(significant);
    const c = change(from, to);
    expect(c.significant).toBe(significant);
    if (delta === null) expect(c.delta).toBeNull();
    else expect(c.delta).toBeCloseTo(delta, 12);
  });
});

describe('changeIsSignificant on real intervals', () => {
  it('five children all at 1.0 against thirty at 5/6 or 6/6 is no significant change (issue 12)', () => {
    // The old t-interval made the five a point [1, 1] and the thirty [88.5 %, 94.8 %]: "significant".
    const five = summarise(cellOf([1, 1, 1, 1, 1]));
    const thirty = summarise(cellOf([...Array(15).fill(1), ...Array(15).fill(5 / 6)]));
    expect(changeIsSignificant(five, thirty)).toBe(false);
  });

  it('a large change between enough children is significant', () => {
    const before = summarise(cellOf([...Array(30).fill(0.5), ...Array(10).fill(0.25)]));
    const after = summarise(cellOf([...Array(35).fill(1), ...Array(5).fill(0.75)]));
    expect(changeIsSignificant(before, after)).toBe(true);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runsOf, sortedCells } from './cell-grid.ts';
import type { TRawCells } from './raw-cells.ts';

/** Cells with the given key indices over theme (3 keys) × unit (4 keys), in the order given. */
function cellsAt(pairs: [number, number][]): TRawCells {
  const zeros = () => new Float64Array(pairs.length);
  return {
    dims: ['theme', 'unit'],
    keys: [
      ['a', 'b', 'c'],
      ['u1', 'u2', 'u3', 'u4'],
    ],
    at: [Int32Array.from(pairs, (p) => p[0]), Int32Array.from(pairs, (p) => p[1])],
    n: zeros(),
    sum: zeros(),
    sumSq: zeros(),
    sumRisk: zeros(),
    population: zeros(),
  };
}

const expandRuns = (runs: number[]) =>
  runs.flatMap((_, r) =>
    r % 2 ? [] : Array.from({ length: runs[r + 1] ?? 0 }, (_, k) => (runs[r] ?? 0) + k),
  );

describe('the cells in the grid of their keys', () => {
  it('orders any cells by their keys and names each by its place, the last dimension fastest', () => {
    const pair = fc.tuple(fc.nat({ max: 2 }), fc.nat({ max: 3 }));
    fc.assert(
      fc.property(fc.uniqueArray(pair, { selector: (p) => `${p[0]}:${p[1]}` }), (pairs) => {
        const { order, places } = sortedCells(cellsAt(pairs));
        const sorted = Array.from(order, (i) => pairs[i] as [number, number]);
        expect(sorted).toEqual([...pairs].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
        expect(Array.from(places)).toEqual(sorted.map(([t, u]) => t * 4 + u));
        expect(expandRuns(runsOf(places))).toEqual(Array.from(places));
      }),
    );
  });

  it('gives a full grid as one run', () => {
    const all: [number, number][] = [];
    for (let t = 2; t >= 0; t--) for (let u = 0; u < 4; u++) all.push([t, u]);
    expect(runsOf(sortedCells(cellsAt(all)).places)).toEqual([0, 12]);
  });

  it('refuses two cells with the same keys', () => {
    expect(() =>
      sortedCells(
        cellsAt([
          [1, 2],
          [0, 0],
          [1, 2],
        ]),
      ),
    ).toThrow(/same keys|share the keys/);
  });
});

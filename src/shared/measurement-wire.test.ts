import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMeasurement, type TMeasurementWire } from './measurement-wire.ts';

const dims = (themes: string[], units: string[]): TMeasurementWire['dimensions'] => ({
  theme: { keys: themes, labels: themes.map((k) => `T ${k}`) },
  unit: { keys: units, labels: units.map((k) => `U ${k}`) },
});

function wire(runs: number[], hidden: string, n: (number | null)[]): TMeasurementWire {
  const figure = n.map((v) => (v === null ? null : 5000));
  return {
    groupBy: ['theme', 'unit'],
    definition: {},
    scale: 10_000,
    dimensions: dims(['a', 'b'], ['u1', 'u2', 'u3']),
    columns: { runs, hidden, n, mean: figure, lo: figure, hi: figure, coverage: figure, riskLoad: figure },
  };
}

describe('decoding the measurement wire', () => {
  it('finds each cell’s keys from its place in the grid, the last dimension varying fastest', () => {
    // Places 0, 1 (a × u1, a × u2), then 4, 5 (b × u2, b × u3): a × u3 and b × u1 have no cell.
    const { rows } = decodeMeasurement(wire([0, 2, 4, 2], '0120', [10, null, null, 7]));
    expect(rows.map((r) => `${r.keys.theme}×${r.keys.unit}`)).toEqual(['a×u1', 'a×u2', 'b×u2', 'b×u3']);
    expect(rows.map((r) => r.labels.unit)).toEqual(['U u1', 'U u2', 'U u2', 'U u3']);
    expect(rows.map((r) => r.suppressed)).toEqual([null, 'primary', 'complementary', null]);
    expect(rows[0]?.summary).toEqual({ n: 10, mean: 0.5, ci95: [0.5, 0.5], coverage: 0.5 });
    expect(rows[1]?.summary).toBeNull();
  });

  it('gives back every combination of keys a set of cells names, in key order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 6 }), (picked) => {
        const places = [...picked].sort((a, b) => a - b);
        const runs = places.flatMap((p) => [p, 1]);
        const { rows } = decodeMeasurement(
          wire(
            runs,
            '0'.repeat(places.length),
            places.map(() => 5),
          ),
        );
        const expected = places.map((p) => `${['a', 'b'][Math.floor(p / 3)]}×${['u1', 'u2', 'u3'][p % 3]}`);
        expect(rows.map((r) => `${r.keys.theme}×${r.keys.unit}`)).toEqual(expected);
      }),
    );
  });

  it('refuses an answer whose runs and columns disagree on the number of cells', () => {
    expect(() => decodeMeasurement(wire([0, 3], '00', [5, 5]))).toThrow(/3 cells.*2/);
  });

  it('refuses a place beyond the grid of keys instead of inventing keys for it', () => {
    // 2 themes × 3 units: places 0–5.
    expect(() => decodeMeasurement(wire([5, 2], '00', [5, 5]))).toThrow(/place 6 .*6 combinations/);
  });
});

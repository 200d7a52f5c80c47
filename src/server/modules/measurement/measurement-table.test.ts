import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summaryColumns, type TMeasurementTable, toWireJson, toWireObject } from './measurement-table.ts';

const figure = fc.oneof(fc.constant(Number.NaN), fc.integer({ min: -(2 ** 31) + 1, max: 2 ** 31 - 1 }));

const table = fc
  .record({
    count: fc.nat({ max: 30 }),
    withBaseline: fc.boolean(),
    label: fc.string(),
  })
  .chain(({ count, withBaseline, label }) =>
    fc.record({
      count: fc.constant(count),
      withBaseline: fc.constant(withBaseline),
      label: fc.constant(label),
      numbers: fc.array(fc.array(figure, { minLength: count, maxLength: count }), {
        minLength: 14,
        maxLength: 14,
      }),
      hidden: fc.array(fc.constantFrom(0, 1, 2), { minLength: count, maxLength: count }),
    }),
  )
  .map(({ count, withBaseline, label, numbers, hidden }): TMeasurementTable => {
    const col = (k: number) => Float64Array.from(numbers[k] as number[]);
    const t: TMeasurementTable = {
      head: {
        groupBy: ['theme', 'unit'],
        definition: { protectiveShare: { label, text: 'Beskyttelsesandel – “citat” \\ æøå' } },
        scale: 10_000,
        dimensions: { theme: { keys: ['all'], labels: [label] }, unit: { keys: [], labels: [] } },
        ...(withBaseline
          ? { selection: { period: '2026H1', gender: label }, periodsWithoutAssessments: ['2031H2'] }
          : {}),
      },
      count,
      runs: count > 0 ? [3, count] : [],
      hidden: Uint8Array.from(hidden),
      riskLoad: col(0),
      ...summaryColumns(count),
    };
    t.n = col(1);
    t.mean = col(2);
    t.lo = col(3);
    t.hi = col(4);
    t.coverage = col(5);
    if (withBaseline) {
      t.baseline = { n: col(6), mean: col(7), lo: col(8), hi: col(9), coverage: col(10) };
      t.delta = col(11);
      t.significant = Float64Array.from(numbers[12] as number[], (v) => (Number.isNaN(v) ? v : v & 1));
    }
    return t;
  });

describe('the measurement answer written as bytes', () => {
  it('is exactly the JSON of the wire object', () => {
    fc.assert(
      fc.property(table, (t) => {
        const bytes = toWireJson(t).toString('utf8');
        expect(bytes).toBe(JSON.stringify(toWireObject(t)));
      }),
      { numRuns: 300 },
    );
  });

  it('writes null where a figure is missing and keeps negative changes', () => {
    const t: TMeasurementTable = {
      head: { groupBy: ['period'], definition: {}, scale: 10_000, dimensions: {} },
      count: 2,
      runs: [0, 2],
      hidden: Uint8Array.from([0, 1]),
      riskLoad: Float64Array.from([12, Number.NaN]),
      ...summaryColumns(2),
    };
    t.delta = Float64Array.from([-250, Number.NaN]);
    t.significant = Float64Array.from([1, Number.NaN]);
    const parsed = JSON.parse(toWireJson(t).toString('utf8'));
    expect(parsed.columns.riskLoad).toEqual([12, null]);
    expect(parsed.columns.delta).toEqual([-250, null]);
    expect(parsed.columns.significant).toEqual([1, null]);
  });
});

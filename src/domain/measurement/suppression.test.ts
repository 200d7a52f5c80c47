import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isHidden,
  MIN_CELL,
  suppressLinked,
  suppressList,
  suppressTable,
  type TCellVisibility,
  type TTableSuppression,
} from './suppression.ts';

const mark = (v: TCellVisibility | null | undefined) =>
  v === 'primary' ? 'P' : v === 'complementary' ? 'C' : v === 'shown' ? '.' : '-';

/** One string per row, margin after '|', the totals row last: '.' shown, P primary, C complementary. */
function render(s: TTableSuppression): string[] {
  const rows = s.cells.map((row, r) => `${row.map(mark).join(' ')} | ${mark(s.rowTotals?.[r])}`);
  if (s.columnTotals) rows.push(`${s.columnTotals.map(mark).join(' ')} | ${mark(s.grandTotal)}`);
  return rows;
}

describe('suppressTable', () => {
  it.each<[string, number[][], { rowTotals?: boolean; columnTotals?: boolean }, string[]]>([
    [
      'no small cells: everything shown',
      [
        [10, 12],
        [8, 30],
      ],
      {},
      ['. . | .', '. . | .', '. . | .'],
    ],
    [
      'one small cell: the next smallest in its row, then the columns are mended',
      [
        [3, 10, 12],
        [8, 9, 20],
      ],
      {},
      ['P C . | .', 'C C . | .', '. . . | .'],
    ],
    [
      'two small cells in a row, paired in their columns too: no complement',
      [
        [3, 4, 12],
        [2, 1, 20],
      ],
      {},
      ['P P . | .', 'P P . | .', '. . . | .'],
    ],
    [
      'a column chain: the column’s complement needs its own row complement',
      [
        [2, 30],
        [10, 40],
        [12, 50],
      ],
      {},
      ['P C | .', 'C C | .', '. . | .', '. . | .'],
    ],
    [
      'a small row total is hidden, and the other row totals hide one with it',
      [
        [1, 2],
        [20, 30],
      ],
      {},
      ['P P | P', 'C C | C', '. . | .'],
    ],
    [
      'one column: the total equals the cell, so it is hidden with it',
      [[3], [20], [30]],
      {},
      ['P | P', 'C | C', '. | .', '. | .'],
    ],
    [
      'equally small candidates: the one that also mends a column wins',
      [
        [3, 10, 10],
        [10, 20, 4],
      ],
      {},
      ['P . C | .', 'C . P | .', '. . . | .'],
    ],
    [
      'a cell of 0 counts as small',
      [
        [0, 6, 7],
        [9, 9, 9],
      ],
      {},
      ['P C . | .', 'C C . | .', '. . . | .'],
    ],
    [
      'row totals only: rows are mended, columns are not',
      [
        [3, 10],
        [8, 9],
      ],
      { columnTotals: false },
      ['P C | .', '. . | .'],
    ],
    [
      'column totals only',
      [
        [3, 10],
        [8, 9],
      ],
      { rowTotals: false },
      ['P . | -', 'C . | -', '. . | -'],
    ],
    [
      'no margins: only the small cells',
      [
        [3, 10],
        [8, 9],
      ],
      { rowTotals: false, columnTotals: false },
      ['P . | -', '. . | -'],
    ],
  ])('%s', (_why, counts, options, expected) => {
    expect(render(suppressTable(counts, options))).toEqual(expected);
  });

  it('accepts an empty table', () => {
    expect(suppressTable([])).toEqual({ cells: [], rowTotals: [], columnTotals: [], grandTotal: 'primary' });
  });

  it('refuses ragged rows and counts that are not whole numbers', () => {
    expect(() => suppressTable([[1, 2], [3]])).toThrow(RangeError);
    expect(() => suppressTable([[1.5, 20]])).toThrow(RangeError);
    expect(() => suppressTable([[-1, 20]])).toThrow(RangeError);
  });
});

describe('suppressList', () => {
  it.each<[string, number[], boolean, TCellVisibility[], TCellVisibility | null]>([
    ['no small categories', [10, 20], true, ['shown', 'shown'], 'shown'],
    [
      'one small: the next smallest goes too',
      [3, 10, 20],
      true,
      ['primary', 'complementary', 'shown'],
      'shown',
    ],
    [
      'ties: the first of the equally small',
      [3, 10, 10],
      true,
      ['primary', 'complementary', 'shown'],
      'shown',
    ],
    ['two small: they hide each other', [3, 4, 20], true, ['primary', 'primary', 'shown'], 'shown'],
    ['one small of two: both hidden', [3, 10], true, ['primary', 'complementary'], 'shown'],
    ['one category: the total is the same number', [3], true, ['primary'], 'primary'],
    ['all small, total big enough to show', [1, 2, 3], true, ['primary', 'primary', 'primary'], 'shown'],
    ['all small, total small', [1, 2], true, ['primary', 'primary'], 'primary'],
    ['no total shown: only the small one', [3, 10], false, ['primary', 'shown'], null],
    ['no categories: a total of 0 children is small', [], true, [], 'primary'],
    ['exactly MIN_CELL is shown', [MIN_CELL, 10], true, ['shown', 'shown'], 'shown'],
  ])('%s', (_why, counts, total, cells, totalVisibility) => {
    expect(suppressList(counts, { total })).toEqual({ cells, total: totalVisibility });
  });
});

describe('suppressList, for any list', () => {
  it('hides what suppressLinked hides for the categories and their total as one line', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(12), { maxLength: 12 }), fc.boolean(), (counts, total) => {
        const all = total ? [...counts, counts.reduce((s, n) => s + n, 0)] : counts;
        const linked = suppressLinked(all, total ? [all.map((_, i) => i)] : []);
        const s = suppressList(counts, { total });
        expect([...s.cells, ...(s.total === null ? [] : [s.total])]).toEqual(linked);
      }),
      { numRuns: 2000 },
    );
  });

  it('never leaves exactly one hidden cell beside a shown total', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(15), { minLength: 1, maxLength: 8 }), (counts) => {
        const s = suppressList(counts);
        expect(hiddenCount([...s.cells, s.total])).not.toBe(1);
      }),
    );
  });
});

describe('suppressLinked', () => {
  it('mends nested lines: units within districts within a municipality', () => {
    // cells 0–2 units of district 3, cells 4–5 units of district 6, 7 the municipality
    const counts = [3, 8, 9, 20, 12, 14, 26, 46];
    const v = suppressLinked(counts, [
      [0, 1, 2, 3],
      [4, 5, 6],
      [3, 6, 7],
    ]);
    expect(v.map(mark).join('')).toBe('PC......');
  });

  it('refuses a line naming a cell that does not exist', () => {
    expect(() => suppressLinked([1, 2], [[0, 2]])).toThrow(RangeError);
  });
});

const table = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), cols: fc.integer({ min: 1, max: 5 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      counts: fc.array(fc.array(fc.nat(15), { minLength: cols, maxLength: cols }), {
        minLength: rows,
        maxLength: rows,
      }),
      rowTotals: fc.boolean(),
      columnTotals: fc.boolean(),
    }),
  );

const hiddenCount = (vs: readonly (TCellVisibility | null | undefined)[]) =>
  vs.filter((v) => isHidden(v ?? null)).length;

describe('suppressTable, for any small table', () => {
  it('leaves no shown margin that gives away a hidden cell', () => {
    fc.assert(
      fc.property(table, ({ counts, rowTotals, columnTotals }) => {
        const s = suppressTable(counts, { rowTotals, columnTotals });
        s.cells.forEach((row, r) => {
          if (s.rowTotals?.[r] === 'shown') expect(hiddenCount(row)).not.toBe(1);
          if (s.rowTotals) expect(hiddenCount([...row, s.rowTotals[r]])).not.toBe(1);
        });
        (s.cells[0] ?? []).forEach((_, c) => {
          const column = s.cells.map((row) => row[c]);
          if (s.columnTotals?.[c] === 'shown') expect(hiddenCount(column)).not.toBe(1);
          if (s.columnTotals) expect(hiddenCount([...column, s.columnTotals[c]])).not.toBe(1);
        });
        if (s.rowTotals && s.columnTotals) {
          expect(hiddenCount([...s.rowTotals, s.grandTotal])).not.toBe(1);
          expect(hiddenCount([...s.columnTotals, s.grandTotal])).not.toBe(1);
        }
      }),
    );
  });

  it('hides every small cell as primary and only big cells as complementary', () => {
    fc.assert(
      fc.property(table, ({ counts, rowTotals, columnTotals }) => {
        const s = suppressTable(counts, { rowTotals, columnTotals });
        counts.forEach((row, r) => {
          row.forEach((n, c) => {
            const v = s.cells[r]?.[c];
            expect(v === 'primary').toBe(n < MIN_CELL);
            if (v === 'complementary') expect(n).toBeGreaterThanOrEqual(MIN_CELL);
          });
        });
      }),
    );
  });

  it('hides nothing when no cell or margin is small', () => {
    fc.assert(
      fc.property(table, ({ counts, rowTotals, columnTotals }) => {
        const big = counts.map((row) => row.map((n) => n + MIN_CELL));
        const s = suppressTable(big, { rowTotals, columnTotals });
        expect(hiddenCount(s.cells.flat())).toBe(0);
      }),
    );
  });
});

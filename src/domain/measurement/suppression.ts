/**
 * Small-cell suppression for tables of counts or means. A cell is the n of children behind it;
 * for a mean, the hidden group's mean could be recomputed from the total's mean and n and the
 * other groups' means and n, so the same rule protects both.
 */
export const MIN_CELL = 5;

/** 'primary': fewer than MIN_CELL children; 'complementary': hidden so a primary one stays hidden. */
export type TCellVisibility = 'shown' | 'primary' | 'complementary';

export const isHidden = (v: TCellVisibility | null): boolean => v === 'primary' || v === 'complementary';

/**
 * Cells (by n) and lines: sets of cells where one is the sum of the others, such as a row and its
 * total. A line with exactly one hidden cell gives that cell away by subtraction, so the smallest
 * shown cell of such a line is hidden too, until no line has exactly one. Among equally small
 * candidates, one that also mends another line is preferred, then the first. This is the usual
 * line-by-line rule, not a full linear-programming audit of every combination of lines.
 */
export function suppressLinked(
  counts: readonly number[],
  lines: readonly (readonly number[])[],
): TCellVisibility[] {
  for (const n of counts)
    if (!(Number.isInteger(n) && n >= 0))
      throw new RangeError(`a cell holds a whole number of children, got ${n}`);
  const visibility: TCellVisibility[] = counts.map((n) => (n < MIN_CELL ? 'primary' : 'shown'));
  const linesOf = counts.map(() => [] as number[]);
  lines.forEach((line, l) => {
    for (const c of line) {
      const own = linesOf[c];
      if (!own) throw new RangeError(`line ${l} names cell ${c}, which does not exist`);
      own.push(l);
    }
  });
  const hiddenIn = lines.map((line) => line.filter((c) => visibility[c] !== 'shown').length);
  const mends = (c: number) => (linesOf[c] ?? []).filter((l) => hiddenIn[l] === 1).length;

  for (let l = hiddenIn.indexOf(1); l !== -1; l = hiddenIn.indexOf(1)) {
    const candidates = (lines[l] ?? []).filter((c) => visibility[c] === 'shown');
    const pick = candidates.reduce<number | undefined>((best, c) => {
      if (best === undefined) return c;
      const d = (counts[c] ?? 0) - (counts[best] ?? 0);
      return d < 0 || (d === 0 && mends(c) > mends(best)) ? c : best;
    }, undefined);
    // A one-cell line is a fixed value, not a sum; there is nothing to hide it behind.
    if (pick === undefined) {
      hiddenIn[l] = -1;
      continue;
    }
    visibility[pick] = 'complementary';
    for (const m of linesOf[pick] ?? []) hiddenIn[m] = (hiddenIn[m] ?? 0) + 1;
  }
  return visibility;
}

export interface TListSuppression {
  cells: TCellVisibility[];
  /** null when the table shows no total. */
  total: TCellVisibility | null;
}

/**
 * Categories and, by default, their total (the sum of the categories). One line, so the line-by-line rule
 * of suppressLinked comes down to: when exactly one of the cells and the total is small, the first of the
 * smallest shown ones is hidden beside it (tested to agree with suppressLinked). Dashboards run it on
 * hundreds of slices of hundreds of units per answer, without building the line.
 */
export function suppressList(counts: readonly number[], options: { total?: boolean } = {}): TListSuppression {
  const { total = true } = options;
  let sum = 0;
  let small = 0;
  for (const n of counts) {
    if (!(Number.isInteger(n) && n >= 0))
      throw new RangeError(`a cell holds a whole number of children, got ${n}`);
    sum += n;
    if (n < MIN_CELL) small++;
  }
  const cells: TCellVisibility[] = counts.map((n) => (n < MIN_CELL ? 'primary' : 'shown'));
  if (!total) return { cells, total: null };
  const totalVisibility: TCellVisibility = sum < MIN_CELL ? 'primary' : 'shown';
  if (small + (totalVisibility === 'shown' ? 0 : 1) !== 1) return { cells, total: totalVisibility };
  // Exactly one hidden: the smallest shown cell goes too, the first of equals. The total, last in the line,
  // is never smaller than a cell; with no shown cell the line is the total alone, a fixed value.
  let pick = -1;
  for (let i = 0; i < counts.length; i++)
    if (cells[i] === 'shown' && (pick === -1 || (counts[i] as number) < (counts[pick] as number))) pick = i;
  if (pick !== -1) cells[pick] = 'complementary';
  return { cells, total: totalVisibility };
}

export interface TTableSuppression {
  cells: TCellVisibility[][];
  /** Per row; null when the table shows no row totals. */
  rowTotals: TCellVisibility[] | null;
  columnTotals: TCellVisibility[] | null;
  /** The corner, shown only when both margins are. */
  grandTotal: TCellVisibility | null;
}

/**
 * Rows × columns of n with margins that are the sums of the cells. Row totals, column totals and
 * the corner each add lines, and a margin itself can be small and hidden.
 */
export function suppressTable(
  counts: readonly (readonly number[])[],
  options: { rowTotals?: boolean; columnTotals?: boolean } = {},
): TTableSuppression {
  const { rowTotals = true, columnTotals = true } = options;
  const rows = counts.length;
  const cols = counts[0]?.length ?? 0;
  if (counts.some((row) => row.length !== cols))
    throw new RangeError('every row needs the same number of columns');

  const flat = counts.flat();
  const cell = (r: number, c: number) => r * cols + c;
  const rowTotalAt = (r: number) => rows * cols + r;
  const colTotalAt = (c: number) => rows * cols + (rowTotals ? rows : 0) + c;
  const grandAt = rows * cols + rows + cols;
  const range = (k: number) => Array.from({ length: k }, (_, i) => i);
  const lines: number[][] = [];

  if (rowTotals)
    for (const r of range(rows)) {
      flat.push((counts[r] ?? []).reduce((s, n) => s + n, 0));
      lines.push([...range(cols).map((c) => cell(r, c)), rowTotalAt(r)]);
    }
  if (columnTotals)
    for (const c of range(cols)) {
      flat.push(counts.reduce((s, row) => s + (row[c] ?? 0), 0));
      lines.push([...range(rows).map((r) => cell(r, c)), colTotalAt(c)]);
    }
  const corner = rowTotals && columnTotals;
  if (corner) {
    flat.push(flat.slice(0, rows * cols).reduce((s, n) => s + n, 0));
    lines.push([...range(rows).map(rowTotalAt), grandAt], [...range(cols).map(colTotalAt), grandAt]);
  }

  const v = suppressLinked(flat, lines);
  return {
    cells: range(rows).map((r) => range(cols).map((c) => v[cell(r, c)] ?? 'shown')),
    rowTotals: rowTotals ? range(rows).map((r) => v[rowTotalAt(r)] ?? 'shown') : null,
    columnTotals: columnTotals ? range(cols).map((c) => v[colTotalAt(c)] ?? 'shown') : null,
    grandTotal: corner ? (v[grandAt] ?? 'shown') : null,
  };
}

import { suppressList, suppressTable, type TCellVisibility } from '../../../domain/measurement/index.ts';
import { placeOf } from './cell-grid.ts';
import { ADDITIVE } from './measurement-sql.ts';
import type { TRawCells } from './raw-cells.ts';

const VISIBILITY_CODE: Record<TCellVisibility, 0 | 1 | 2> = { shown: 0, primary: 1, complementary: 2 };

/**
 * Hides small cells per slice of the non-additive dimensions (theme, period), with complementary cells so
 * totals give nothing away: a list with its total for one additive dimension, a table with its margins
 * for two, each cell on its own for none (no total is shown for it). `order`: the cells in key order.
 */
export function suppressCells(cells: TRawCells, order: Int32Array): Uint8Array {
  const { dims, n } = cells;
  const additive = dims.flatMap((d, i) => (ADDITIVE.has(d) ? [i] : []));
  const sliceDims = dims.flatMap((d, i) => (ADDITIVE.has(d) ? [] : [i]));
  // Taken in key order, each slice lists its cells in the order of the additive keys: where two cells tie
  // for the complementary suppression, the same cell is hidden in every answer, so two answers never show both.
  const slices = new Map<number, number[]>();
  for (const i of order) {
    const key = placeOf(cells, sliceDims, i);
    const slice = slices.get(key);
    if (slice) slice.push(i);
    else slices.set(key, [i]);
  }
  const result = new Uint8Array(n.length);
  for (const slice of slices.values()) {
    if (additive.length < 2) {
      const { cells: vis } = suppressList(
        slice.map((i) => n[i] as number),
        { total: additive.length === 1 },
      );
      for (let j = 0; j < slice.length; j++)
        result[slice[j] as number] = VISIBILITY_CODE[vis[j] ?? 'primary'];
      continue;
    }
    const [rowOf, colOf] = additive.map((d) => cells.at[d] as Int32Array) as [Int32Array, Int32Array];
    const rowKeys = [...new Set(slice.map((i) => rowOf[i] as number))].sort((a, b) => a - b);
    const colKeys = [...new Set(slice.map((i) => colOf[i] as number))].sort((a, b) => a - b);
    const width = (cells.keys[additive[1] as number] as string[]).length;
    const at = new Map(slice.map((i) => [(rowOf[i] as number) * width + (colOf[i] as number), i]));
    const table = rowKeys.map((r) => colKeys.map((c) => n[at.get(r * width + c) ?? -1] ?? 0));
    const { cells: vis } = suppressTable(table);
    rowKeys.forEach((r, ri) => {
      colKeys.forEach((c, ci) => {
        const i = at.get(r * width + c);
        if (i !== undefined) result[i] = VISIBILITY_CODE[vis[ri]?.[ci] ?? 'primary'];
      });
    });
  }
  return result;
}

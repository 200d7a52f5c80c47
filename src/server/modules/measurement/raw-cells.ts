import type { TMeasurementDimension } from '../../../shared/schemas/measurement.ts';

/**
 * The cells of one grouping as read from the rollup, column by column. Each dimension's values are kept
 * once (`keys`, sorted) and every cell holds an index into them, so keys are compared as numbers.
 */
export interface TRawCells {
  dims: TMeasurementDimension[];
  /** Per dimension: its distinct values, sorted. */
  keys: string[][];
  /** Per dimension: each cell's index into keys. */
  at: Int32Array[];
  n: Float64Array;
  sum: Float64Array;
  sumSq: Float64Array;
  sumRisk: Float64Array;
  /** NaN where the population is not known. */
  population: Float64Array;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A dimension's values that some cell uses, sorted; the cells' indices (into `firstSeen`) renumbered to
 * match. A value no cell points to is left out.
 */
export function sortedKeys(firstSeen: readonly string[], at: Int32Array): string[] {
  const used = new Uint8Array(firstSeen.length);
  for (let i = 0; i < at.length; i++) used[at[i] as number] = 1;
  const order = firstSeen
    .map((_, i) => i)
    .filter((i) => used[i])
    .sort((a, b) => compareText(firstSeen[a] as string, firstSeen[b] as string));
  const rank = new Int32Array(firstSeen.length);
  order.forEach((firstIndex, r) => {
    rank[firstIndex] = r;
  });
  for (let i = 0; i < at.length; i++) at[i] = rank[at[i] as number] as number;
  return order.map((i) => firstSeen[i] as string);
}

import type { TRawCells } from './raw-cells.ts';

/** A cell's place in the grid of every combination of keys over some dimensions (mixed radix). */
export function placeOf(cells: TRawCells, dimIdx: readonly number[], i: number): number {
  let place = 0;
  for (const d of dimIdx)
    place = place * (cells.keys[d] as string[]).length + ((cells.at[d] as Int32Array)[i] as number);
  return place;
}

/**
 * The cells in the order of the grouping's keys, and each one's place in the grid of all keys (the wire's
 * runs). Keys are ranks, so a place is a small number: the cells are put in order by it (a counting sort)
 * unless the grid is far larger than the cells. No two cells may have the same keys.
 */
export function sortedCells(cells: TRawCells): { order: Int32Array; places: Float64Array } {
  const count = cells.n.length;
  const all = cells.dims.map((_, d) => d);
  const space = cells.keys.reduce((product, keys) => product * keys.length, 1);
  const order = new Int32Array(count);
  const places = new Float64Array(count);
  const twice = (place: number) => new Error(`two cells share the keys of grid place ${place}`);
  if (space > 4 * count + 1_000_000) {
    const sortable = new Float64Array(count);
    for (let i = 0; i < count; i++) sortable[i] = placeOf(cells, all, i) * count + i;
    sortable.sort();
    for (let j = 0; j < count; j++) {
      order[j] = (sortable[j] as number) % count;
      places[j] = Math.floor((sortable[j] as number) / count);
      if (j > 0 && places[j] === places[j - 1]) throw twice(places[j] as number);
    }
    return { order, places };
  }
  // Per place, 1 + the cell at it (0: none).
  const atPlace = new Int32Array(space);
  for (let i = 0; i < count; i++) {
    const place = placeOf(cells, all, i);
    if (atPlace[place] !== 0) throw twice(place);
    atPlace[place] = i + 1;
  }
  let j = 0;
  for (let place = 0; place < space; place++) {
    const cell = atPlace[place] as number;
    if (cell === 0) continue;
    order[j] = cell - 1;
    places[j++] = place;
  }
  return { order, places };
}

/** Places in increasing order as runs of consecutive places: [start, length, start, length, …]. */
export function runsOf(places: Float64Array): number[] {
  const runs: number[] = [];
  for (let j = 0; j < places.length; j++) {
    const place = places[j] as number;
    if (j > 0 && place === (places[j - 1] as number) + 1) runs[runs.length - 1] = (runs.at(-1) as number) + 1;
    else runs.push(place, 1);
  }
  return runs;
}

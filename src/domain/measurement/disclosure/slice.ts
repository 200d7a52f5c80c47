/**
 * One slice of the protected cube (decision 022): the cells that any measurement query can return for one
 * period and one theme. Rows are the places — every unit, every district, and the municipality — and
 * columns are the population: all children, each age band, each gender. Every published figure of the
 * slice is one of these cells; a filter only selects cells, it never adds cells up.
 */
export const AGE_COLUMNS = 6;
export const GENDER_COLUMNS = 3;
export const FIRST_AGE = 1;
export const FIRST_GENDER = FIRST_AGE + AGE_COLUMNS;
/** Column 0 is all children of the place. */
export const COLUMNS = FIRST_GENDER + GENDER_COLUMNS;

/** A cell's visibility. Absent and omitted cells are not listed in any answer. */
export const SHOWN = 0;
export const PRIMARY = 1;
export const COMPLEMENTARY = 2;
/** Not listed because a cell containing it is hidden as small: the list would show how many are present. */
export const OMITTED = 3;
/** No children, nothing small around it: not listed, and anyone may know it is empty. */
export const ABSENT = 4;
export type TCode = typeof SHOWN | typeof PRIMARY | typeof COMPLEMENTARY | typeof OMITTED | typeof ABSENT;

export interface TSlice {
  units: number;
  districts: number;
  /** Per row: the row it adds up into (a unit's district, or the municipality), -1 for the municipality. */
  parent: Int32Array;
  /** Children per cell (row × COLUMNS + column). */
  n: Float64Array;
  /** Sum of the children's protective shares per cell. */
  s: Float64Array;
}

/** A child group as stored: unit, age band index (0–5), gender index (0–2), its count and sum of shares. */
export interface TFineCell {
  unit: number;
  age: number;
  gender: number;
  n: number;
  s: number;
}

export const rowsOf = (slice: Pick<TSlice, 'units' | 'districts'>) => slice.units + slice.districts + 1;
export const totalRow = (slice: Pick<TSlice, 'units' | 'districts'>) => slice.units + slice.districts;
export const isMicro = (slice: TSlice, cell: number) =>
  Math.floor(cell / COLUMNS) < slice.units && cell % COLUMNS !== 0;

/**
 * Builds a slice from its finest groups. `districtOf`: per unit, its district index or -1 (a unit outside
 * any district adds up into the municipality directly).
 */
export function sliceOf(districtOf: Int32Array, districts: number, fine: readonly TFineCell[]): TSlice {
  const units = districtOf.length;
  const rows = units + districts + 1;
  const total = units + districts;
  const parent = new Int32Array(rows);
  for (let u = 0; u < units; u++) {
    const d = districtOf[u] as number;
    parent[u] = d < 0 ? total : units + d;
  }
  for (let d = 0; d < districts; d++) parent[units + d] = total;
  parent[total] = -1;
  const n = new Float64Array(rows * COLUMNS);
  const s = new Float64Array(rows * COLUMNS);
  for (const f of fine) {
    for (let row = f.unit; row >= 0; row = parent[row] as number) {
      for (const col of [0, FIRST_AGE + f.age, FIRST_GENDER + f.gender]) {
        n[row * COLUMNS + col] = (n[row * COLUMNS + col] as number) + f.n;
        s[row * COLUMNS + col] = (s[row * COLUMNS + col] as number) + f.s;
      }
    }
  }
  return { units, districts, parent, n, s };
}

/** The cells that contain a cell (its row's ancestors, in its column and in column 0), not itself. */
export function containing(slice: TSlice, cell: number): number[] {
  const col = cell % COLUMNS;
  const out: number[] = [];
  for (let row = Math.floor(cell / COLUMNS); row >= 0; row = slice.parent[row] as number) {
    if (row * COLUMNS + col !== cell) out.push(row * COLUMNS + col);
    if (col !== 0) out.push(row * COLUMNS);
  }
  return out;
}

import { AGE_BANDS } from '../../../domain/measurement/age-band.ts';
import {
  COLUMNS,
  COMPLEMENTARY,
  FIRST_AGE,
  FIRST_GENDER,
  PRIMARY,
  SHOWN,
} from '../../../domain/measurement/disclosure/slice.ts';
import { GENDERS } from '../../../shared/schemas/common.ts';
import type { TMeasurementDimension } from '../../../shared/schemas/measurement.ts';
import type { TSelection } from './effective-grouping.ts';
import type { TPeriodProtection } from './period-protection.ts';
import type { TRawCells } from './raw-cells.ts';

export interface TListedCells {
  cells: TRawCells;
  /** Per cell: 0 shown, 1 hidden (n < 5), 2 hidden to protect another cell. */
  hidden: Uint8Array;
}

/** The periods an answer's cells lie in. */
export function periodsOf(cells: TRawCells, selection: TSelection): string[] {
  const d = cells.dims.indexOf('period');
  if (d < 0) return selection.period ? [selection.period] : [];
  return cells.keys[d] as string[];
}

/**
 * Each cell's place in the protected cube, its code there, and only the cells the cube lists: a cell inside
 * a hidden small cell is left out, as an empty one is. The one place every answer's hiding is decided.
 */
export function listedCells(
  cells: TRawCells,
  selection: TSelection,
  protections: Map<string, TPeriodProtection>,
): TListedCells {
  const count = cells.n.length;
  // Per dimension: each key's index, or a fixed one (-1 when the dimension is neither grouped nor fixed).
  const dimension = (dim: TMeasurementDimension) => {
    const d = cells.dims.indexOf(dim);
    return d < 0
      ? { keys: selection[dim] === undefined ? [] : [selection[dim] as string], at: null }
      : { keys: cells.keys[d] as string[], at: cells.at[d] as Int32Array };
  };
  const period = dimension('period');
  const theme = dimension('theme');
  const place = dimension('unit').keys.length ? dimension('unit') : dimension('district');
  const placeIsUnit = dimension('unit').keys.length > 0;
  const band = dimension('ageBand');
  const gender = dimension('gender');
  const population = band.keys.length ? band : gender;
  const columnOf = Int32Array.from(population.keys, (k) =>
    band.keys.length
      ? FIRST_AGE + (AGE_BANDS as readonly string[]).indexOf(k)
      : FIRST_GENDER + (GENDERS as readonly string[]).indexOf(k),
  );
  // Looked up once per period (and theme, and place key), not once per cell: an answer has ~40,000 cells.
  const slices = period.keys.map((p) => {
    const protection = protections.get(p);
    return {
      themes: theme.keys.map((k) => protection?.themes.get(k) ?? null),
      rows: place.keys.length
        ? Int32Array.from(
            place.keys,
            (k) => (placeIsUnit ? protection?.rowOfUnit.get(k) : protection?.rowOfDistrict.get(k)) ?? -1,
          )
        : Int32Array.of(protection?.totalRow ?? -1),
    };
  });
  const codes = new Uint8Array(count);
  const keep: number[] = [];
  for (let i = 0; i < count; i++) {
    const slice = slices[period.at ? (period.at[i] as number) : 0];
    const codesOfSlice = slice?.themes[theme.at ? (theme.at[i] as number) : 0];
    const row = slice?.rows[place.at ? (place.at[i] as number) : 0] ?? -1;
    const col = population.keys.length
      ? (columnOf[population.at ? (population.at[i] as number) : 0] as number)
      : 0;
    if (!codesOfSlice || row < 0 || col < 0) continue;
    const code = codesOfSlice[row * COLUMNS + col];
    if (code !== SHOWN && code !== PRIMARY && code !== COMPLEMENTARY) continue;
    codes[i] = code;
    keep.push(i);
  }
  if (keep.length === count) return { cells, hidden: codes };
  const pick = <T extends Float64Array | Int32Array>(column: T): T => {
    const out = new (column.constructor as new (n: number) => T)(keep.length);
    keep.forEach((i, j) => {
      out[j] = column[i] as number;
    });
    return out;
  };
  const at = cells.at.map(pick);
  // Keys no kept cell uses are dropped, as sortedKeys would have.
  const keys = cells.keys.map((k, d) => {
    const used = new Int32Array(k.length).fill(-1);
    const column = at[d] as Int32Array;
    const kept: string[] = [];
    for (let j = 0; j < column.length; j++) {
      const old = column[j] as number;
      if (used[old] === -1) used[old] = 0;
    }
    k.forEach((value, old) => {
      if (used[old] === 0) {
        used[old] = kept.length;
        kept.push(value);
      }
    });
    for (let j = 0; j < column.length; j++) column[j] = used[column[j] as number] as number;
    return kept;
  });
  return {
    cells: {
      dims: cells.dims,
      keys,
      at,
      n: pick(cells.n),
      sum: pick(cells.sum),
      sumSq: pick(cells.sumSq),
      sumRisk: pick(cells.sumRisk),
      population: pick(cells.population),
    },
    hidden: Uint8Array.from(keep, (i) => codes[i] as number),
  };
}

import type { TDefinitionTerm, TDefinitionText } from '../domain/measurement/definition.ts';
import type { TMeasurementDimension } from './schemas/measurement.ts';

/**
 * The answer of GET /api/v1/measurement, column by column. A dashboard of theme × unit × period at
 * Copenhagen scale has ~40,000 cells; as one object per cell the answer ran to 15 MB and building it took
 * most of a second. Here each dimension's keys and labels are sent once, every cell is named by its place
 * in the grid of those keys (`columns.runs`), and the figures are whole numbers in ten-thousandths (`scale`), which are written and read several times
 * faster than decimals. `decodeMeasurement` gives back one object per cell.
 */
export interface TMeasurementWire {
  groupBy: TMeasurementDimension[];
  /** The definition next to every figure, already in the user's language (the server sends every term). */
  definition: Partial<Record<TDefinitionTerm, TDefinitionText>>;
  /** Divide every figure (not n) by this. */
  scale: number;
  /**
   * Dimensions not grouped by that the query fixed to one key (one period, one theme, one unit, …): every
   * cell has that key. A filter never adds cells up (decision 022).
   */
  selection?: Partial<Record<TMeasurementDimension, string>>;
  /** Periods asked for that have no joint assessment yet: no cells and no coverage for them. */
  periodsWithoutAssessments?: string[];
  /** Per dimension of groupBy: its keys and their labels; cells point into these by index. */
  dimensions: Partial<Record<TMeasurementDimension, { keys: string[]; labels: string[] }>>;
  /** One entry per cell in every column. */
  columns: TMeasurementColumns;
}

type TFigures = (number | null)[];

export interface TMeasurementColumns {
  /**
   * Which cells there are. Every combination of the dimensions' keys has a place in a grid (groupBy order,
   * the last dimension varying fastest: place = ((k0 × size1) + k1) × size2 + k2 for key indices k); the
   * cells are given as runs of consecutive places, flattened: [start, length, start, length, …]. Cells come
   * in place order, which is key order. A dashboard's grid is nearly full, so a few runs name ~40,000 cells.
   */
  runs: number[];
  /**
   * One character per cell: '0' shown, '1' hidden (n < 5), '2' hidden so a small cell cannot be recomputed
   * from totals.
   */
  hidden: string;
  /** Hidden cells have null in every figure. */
  n: TFigures;
  mean: TFigures;
  lo: TFigures;
  hi: TFigures;
  coverage: TFigures;
  riskLoad: TFigures;
  /** With a baseline period only. */
  baseline?: { n: TFigures; mean: TFigures; lo: TFigures; hi: TFigures; coverage: TFigures };
  delta?: TFigures;
  /** 1 significant, 0 not, null when there is nothing to compare. */
  significant?: (0 | 1 | null)[];
}

export const WIRE_SCALE = 10_000;

/** A cell's key (or label) in each dimension it has. */
export type TMeasurementKeys = Partial<Record<TMeasurementDimension, string>>;

export interface TWireSummary {
  n: number;
  mean: number | null;
  ci95: readonly [number, number] | null;
  coverage: number | null;
}

/** One cell, as the dashboard's tables and charts read it. */
export interface TDecodedRow {
  keys: TMeasurementKeys;
  labels: TMeasurementKeys;
  /** null when the cell is hidden by small-cell suppression. */
  summary: TWireSummary | null;
  riskLoad: number | null;
  suppressed: 'primary' | 'complementary' | null;
  baseline?: TWireSummary | null;
  change?: { delta: number | null; significant: boolean } | null;
}

/** A figure to its wire form: a whole number of 1/scale. */
export function toWire(x: number | null, scale = WIRE_SCALE): number | null {
  return x === null || !Number.isFinite(x) ? null : Math.round(x * scale);
}

function summaryAt(
  c: { n: TFigures; mean: TFigures; lo: TFigures; hi: TFigures; coverage: TFigures },
  i: number,
  scale: number,
): TWireSummary | null {
  const n = c.n[i];
  if (n === null || n === undefined) return null;
  const f = (v: number | null | undefined) => (v === null || v === undefined ? null : v / scale);
  const lo = f(c.lo[i]);
  const hi = f(c.hi[i]);
  return {
    n,
    mean: f(c.mean[i]),
    ci95: lo === null || hi === null ? null : [lo, hi],
    coverage: f(c.coverage[i]),
  };
}

/** The grid places the runs name, in order. */
function placesOf(runs: readonly number[]): number[] {
  const places: number[] = [];
  for (let r = 0; r + 1 < runs.length; r += 2) {
    const start = runs[r] as number;
    const end = start + (runs[r + 1] as number);
    for (let p = start; p < end; p++) places.push(p);
  }
  return places;
}

/** The measurement answer decoded: one object per cell. */
export interface TDecodedMeasurement {
  groupBy: TMeasurementDimension[];
  definition: TMeasurementWire['definition'];
  rows: TDecodedRow[];
}

/** One object per cell, as the dashboard's tables and charts read them. */
export function decodeMeasurement(wire: TMeasurementWire): TDecodedMeasurement {
  const { columns: c, scale, groupBy } = wire;
  const places = placesOf(c.runs);
  if (places.length !== c.hidden.length)
    throw new RangeError(`the runs name ${places.length} cells, the columns hold ${c.hidden.length}`);
  const sizes = groupBy.map((d) => wire.dimensions[d]?.keys.length ?? 0);
  const gridSize = sizes.reduce((product, size) => product * size, 1);
  const outside = places.find((p) => p < 0 || p >= gridSize || !Number.isInteger(p));
  if (outside !== undefined)
    throw new RangeError(`place ${outside} lies outside the grid of ${gridSize} combinations of keys`);
  const rows: TDecodedRow[] = [];
  for (let i = 0; i < places.length; i++) {
    const keys: TMeasurementKeys = { ...wire.selection };
    const labels: TMeasurementKeys = {};
    let rest = places[i] as number;
    for (let g = groupBy.length - 1; g >= 0; g--) {
      const d = groupBy[g] as TMeasurementDimension;
      const size = sizes[g] as number;
      const at = rest % size;
      rest = (rest - at) / size;
      keys[d] = wire.dimensions[d]?.keys[at];
      labels[d] = wire.dimensions[d]?.labels[at];
    }
    const hidden = c.hidden.charCodeAt(i) - 48;
    const summary = hidden ? null : summaryAt(c, i, scale);
    const risk = c.riskLoad[i];
    const row: TDecodedRow = {
      keys,
      labels,
      summary,
      riskLoad: hidden || risk === null || risk === undefined ? null : risk / scale,
      suppressed: hidden === 1 ? 'primary' : hidden === 2 ? 'complementary' : null,
    };
    if (c.baseline) {
      row.baseline = summaryAt(c.baseline, i, scale);
      const significant = c.significant?.[i];
      const delta = c.delta?.[i];
      row.change =
        significant === null || significant === undefined
          ? null
          : {
              delta: delta === null || delta === undefined ? null : delta / scale,
              significant: significant === 1,
            };
    }
    rows.push(row);
  }
  return { groupBy, definition: wire.definition, rows };
}

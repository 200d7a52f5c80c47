import {
  change,
  MEASUREMENT_DEFINITION,
  newFigures,
  summarise,
  summariseInto,
  suppressList,
  suppressTable,
  type TCellVisibility,
  type TFigures,
  type TSummary,
} from '../../../domain/measurement/index.ts';
import { type TMeasurementWire, toWire, WIRE_SCALE } from '../../../shared/measurement-wire.ts';
import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { Queryable } from '../../db/client.ts';
import { selectBinary } from '../../db/copy-binary.ts';
import type { TCtx } from '../../http/context.ts';
import { fieldError } from '../../http/errors.ts';
import { RawJson } from '../../http/raw-json.ts';
import { measurableUnits } from './measurement.access.ts';
import { ADDITIVE, filterSql, KEY_KIND, populationSql, sourceOf } from './measurement-sql.ts';
import {
  summaryColumns,
  type TMeasurementTable,
  type TSummaryColumns,
  toWireJson,
  toWireObject,
} from './measurement-table.ts';
import { sortedKeys, type TRawCells } from './raw-cells.ts';
import { selectPackedCells, usesPackedRows } from './select-packed-cells.ts';

function validateGroupBy(groupBy: TMeasurementDimension[]): void {
  const additive = groupBy.filter((d) => ADDITIVE.has(d));
  const invalid =
    groupBy.length > 3 ||
    new Set(groupBy).size !== groupBy.length ||
    additive.length > 2 ||
    (groupBy.includes('unit') && groupBy.includes('district'));
  if (invalid) throw fieldError('groupBy', 'field.groupBy');
}

/** A cell's place in the grid of every combination of keys over some dimensions (mixed radix). */
function placeOf(cells: TRawCells, dimIdx: readonly number[], i: number): number {
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
function sortedCells(cells: TRawCells): { order: Int32Array; places: Float64Array } {
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
function runsOf(places: Float64Array): number[] {
  const runs: number[] = [];
  for (let j = 0; j < places.length; j++) {
    const place = places[j] as number;
    if (j > 0 && place === (places[j - 1] as number) + 1) runs[runs.length - 1] = (runs.at(-1) as number) + 1;
    else runs.push(place, 1);
  }
  return runs;
}

async function selectCells(
  q: Queryable,
  municipalityId: string,
  query: TMeasurementQuery,
  dims: TMeasurementDimension[],
  themes: string[] | null,
  periods: string[] | undefined,
  units: string[] | null,
): Promise<TRawCells> {
  const source = sourceOf(query, dims);
  const { where, params } = filterSql(municipalityId, query, themes, periods, units);
  const select = dims.map((d) => source.dimensionSql[d]);
  const join = dims.includes('district') || query.districtIds ? source.unitJoin : '';
  // Coverage: children in the population behind each cell, grouped like the cells but never by theme.
  const popDims = dims.filter((d) => d !== 'theme');
  // A grouping that is the rollup's own key reads its rows as they are.
  const exact = source.key.length === dims.length && source.key.every((d) => dims.includes(d));
  const sums = exact
    ? ['c.n AS n', 'c.sum_x AS sx', 'c.sum_x2 AS sx2', 'c.sum_risk AS sr']
    : ['sum(c.n)::int AS n', 'sum(c.sum_x) AS sx', 'sum(c.sum_x2) AS sx2', 'sum(c.sum_risk) AS sr'];
  const population = populationSql(params, query, popDims, periods, units, source);
  const on = popDims.map((d, i) => `p.p${i} = c.d${dims.indexOf(d)}`).join(' AND ') || 'true';
  const read = await selectBinary(
    q,
    `SELECT ${[...dims.map((_, i) => `c.d${i}`), 'c.n', 'c.sx', 'c.sx2', 'c.sr', 'p.children'].join(', ')}
       FROM (SELECT ${[...select.map((e, i) => `${e} AS d${i}`), ...sums].join(', ')}
               FROM ${source.cells} c ${join}
              WHERE ${where} ${select.length && !exact ? `GROUP BY ${select.join(', ')}` : ''}) c
       LEFT JOIN (${population}) p ON ${on}`,
    params,
    [...dims.map((d) => KEY_KIND[d]), 'int4', 'float8', 'float8', 'float8', 'int4'],
  );
  const [n, sum, sumSq, sumRisk, pop] = read.numbers as [
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
    Float64Array,
  ];
  const at = read.at;
  const keys = read.keys.map((firstSeen, d) => sortedKeys(firstSeen, at[d] as Int32Array));
  const cells: TRawCells = {
    dims,
    keys,
    at,
    n,
    sum,
    sumSq,
    sumRisk,
    population: pop,
  };
  return cells;
}

const VISIBILITY_CODE: Record<TCellVisibility, 0 | 1 | 2> = { shown: 0, primary: 1, complementary: 2 };

/**
 * Hides small cells per slice of the non-additive dimensions (theme, period), with complementary cells so
 * totals give nothing away: a list with its total for one additive dimension, a table with its margins
 * for two, each cell on its own for none (no total is shown for it). `order`: the cells in key order.
 */
function suppress(cells: TRawCells, order: Int32Array): Uint8Array {
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

/** A cell's figures. Coverage needs n ≤ population; a population counted on another day may be smaller. */
function summaryOf(cells: TRawCells, i: number): TSummary {
  const n = cells.n[i] as number;
  const population = cells.population[i];
  return summarise(
    { n, sum: cells.sum[i] as number, sumSq: cells.sumSq[i] as number },
    population === undefined || Number.isNaN(population) ? undefined : Math.max(population, n),
  );
}

async function labelsFor(
  q: Queryable,
  ctx: TCtx,
): Promise<Partial<Record<TMeasurementDimension, Map<string, string>>>> {
  const nameCol = ctx.locale === 'en' ? 'name_en' : 'name_da';
  const { rows } = await q.query({
    text: `SELECT 'theme', code, ${nameCol} FROM policy_themes WHERE municipality_id = $1
           UNION ALL SELECT 'unit', id::text, name FROM units WHERE municipality_id = $1
           UNION ALL SELECT 'district', id::text, name FROM districts WHERE municipality_id = $1`,
    values: [ctx.user.municipalityId],
    rowMode: 'array',
  });
  const all = ctx.locale === 'en' ? 'All protective factors' : 'Alle beskyttelsesfaktorer';
  const labels = { theme: new Map([['all', all]]), unit: new Map(), district: new Map() };
  for (const [dim, id, name] of rows as [keyof typeof labels, string, string][]) labels[dim].set(id, name);
  return labels;
}

/** Reads the cells of the grouping (and baseline), hides small ones and computes every figure. */
async function measure(ctx: TCtx, query: TMeasurementQuery): Promise<TMeasurementTable> {
  const units = measurableUnits(ctx);
  const dims = query.groupBy;
  validateGroupBy(dims);
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, async (q) => {
    const labels = await labelsFor(q, ctx);
    // null: 'all' and every policy theme of the municipality (picked in the same statement).
    const themes = query.themes ?? (dims.includes('theme') ? null : ['all']);
    const cells = usesPackedRows(query, dims)
      ? // The labels hold 'all' and the municipality's policy themes.
        await selectPackedCells(
          q,
          m,
          query,
          dims,
          new Set(themes ?? labels.theme?.keys()),
          query.periods,
          units,
        )
      : await selectCells(q, m, query, dims, themes, query.periods, units);
    const baselineDims = dims.filter((d) => d !== 'period');
    const baseline = query.baselinePeriod
      ? await selectCells(q, m, query, baselineDims, themes, [query.baselinePeriod], units)
      : null;
    return toTable(ctx, cells, baseline, labels);
  });
}

/**
 * The measurement parameter, rolled up: mean protective share with its 95 % interval, n and coverage per
 * cell of the chosen grouping, small cells hidden, optionally against a baseline period. Aggregates only.
 * Cells come sorted by the keys of the grouping, in its order.
 */
export async function findMeasurement(ctx: TCtx, query: TMeasurementQuery): Promise<TMeasurementWire> {
  return toWireObject(await measure(ctx, query));
}

/** The same answer as findMeasurement, already written as JSON (the endpoint's hot path). */
export async function findMeasurementJson(ctx: TCtx, query: TMeasurementQuery): Promise<RawJson> {
  return new RawJson(toWireJson(await measure(ctx, query)));
}

function toTable(
  ctx: TCtx,
  cells: TRawCells,
  baseline: TRawCells | null,
  labels: Partial<Record<TMeasurementDimension, Map<string, string>>>,
): TMeasurementTable {
  const { dims } = cells;
  const count = cells.n.length;
  const dimensions: TMeasurementWire['dimensions'] = {};
  dims.forEach((d, di) => {
    const keys = cells.keys[di] as string[];
    dimensions[d] = { keys, labels: keys.map((k) => labels[d]?.get(k) ?? k) };
  });
  const { order, places } = sortedCells(cells);
  const hidden = suppress(cells, order);
  const base = baseline ? baselineLookup(baseline) : null;

  const table: TMeasurementTable = {
    head: { groupBy: dims, definition: MEASUREMENT_DEFINITION[ctx.locale], scale: WIRE_SCALE, dimensions },
    count,
    runs: runsOf(places),
    hidden: new Uint8Array(count),
    riskLoad: new Float64Array(count),
    ...summaryColumns(count),
  };
  if (base) {
    table.baseline = summaryColumns(count);
    table.delta = new Float64Array(count);
    table.significant = new Float64Array(count);
  }
  const baseDims = dims.flatMap((d, i) => (d === 'period' ? [] : [i]));
  const f = newFigures();
  const { at, n, sum, sumSq, sumRisk, population } = cells;
  for (let j = 0; j < count; j++) {
    const i = order[j] as number;
    const h = hidden[i] as 0 | 1 | 2;
    table.hidden[j] = h;
    if (h) {
      putFigures(table, j, null);
      table.riskLoad[j] = Number.NaN;
    } else {
      const cellN = n[i] as number;
      const pop = population[i] as number;
      summariseInto(
        f,
        cellN,
        sum[i] as number,
        sumSq[i] as number,
        Number.isNaN(pop) ? undefined : Math.max(pop, cellN),
      );
      putFigures(table, j, f);
      table.riskLoad[j] = wireOf((sumRisk[i] as number) / cellN);
    }
    if (base && table.baseline && table.delta && table.significant) {
      let key = '';
      for (const d of baseDims) key += `${(cells.keys[d] as string[])[(at[d] as Int32Array)[i] as number]}|`;
      const b = base.get(key) ?? null;
      putSummary(table.baseline, j, b);
      const s = h ? null : summaryOf(cells, i);
      const c = s && b ? change(b, s) : null;
      table.delta[j] = c ? wireOf(c.delta) : Number.NaN;
      table.significant[j] = c ? (c.significant ? 1 : 0) : Number.NaN;
    }
  }
  return table;
}

/** A figure in wire form, NaN where the wire has null. */
const wireOf = (x: number | null) => toWire(x) ?? Number.NaN;

function putFigures(c: TSummaryColumns, j: number, f: TFigures | null): void {
  c.n[j] = f ? f.n : Number.NaN;
  c.mean[j] = f ? wireOf(f.mean) : Number.NaN;
  c.lo[j] = f ? wireOf(f.lo) : Number.NaN;
  c.hi[j] = f ? wireOf(f.hi) : Number.NaN;
  c.coverage[j] = f ? wireOf(f.coverage) : Number.NaN;
}

function putSummary(c: TSummaryColumns, j: number, s: TSummary | null): void {
  c.n[j] = s ? s.n : Number.NaN;
  c.mean[j] = s ? wireOf(s.mean) : Number.NaN;
  c.lo[j] = s?.ci95 ? wireOf(s.ci95[0]) : Number.NaN;
  c.hi[j] = s?.ci95 ? wireOf(s.ci95[1]) : Number.NaN;
  c.coverage[j] = s ? wireOf(s.coverage) : Number.NaN;
}

/** The baseline's shown cells by their keys (the grouping without period); hidden ones have no figures. */
function baselineLookup(baseline: TRawCells): Map<string, TSummary> {
  const hidden = suppress(baseline, sortedCells(baseline).order);
  const byKey = new Map<string, TSummary>();
  for (let i = 0; i < baseline.n.length; i++) {
    if (hidden[i]) continue;
    let key = '';
    baseline.dims.forEach((_, d) => {
      key += `${(baseline.keys[d] as string[])[(baseline.at[d] as Int32Array)[i] as number]}|`;
    });
    byKey.set(key, summaryOf(baseline, i));
  }
  return byKey;
}

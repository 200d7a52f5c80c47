import {
  change,
  intervalsByPlace,
  MEASUREMENT_DEFINITION,
  newFigures,
  SHARE_BOUNDS,
  summarise,
  summariseInto,
  type TFigures,
  type TSummary,
} from '../../../domain/measurement/index.ts';
import { type TMeasurementWire, toWire, WIRE_SCALE } from '../../../shared/measurement-wire.ts';
import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { RawJson } from '../../http/raw-json.ts';
import { defineUseCase, type TActingCtx } from '../../http/use-case.ts';
import { runsOf, sortedCells } from './cell-grid.ts';
import { effectiveGrouping, type TSelection } from './effective-grouping.ts';
import { listedCells, periodsOf, type TListedCells } from './listed-cells.ts';
import { measurableUnits, READ_MEASUREMENT } from './measurement.access.ts';
import {
  summaryColumns,
  type TMeasurementTable,
  type TSummaryColumns,
  toWireJson,
  toWireObject,
} from './measurement-table.ts';
import {
  periodProtections,
  storeProtection,
  type TVersions,
  VERSIONS_SQL,
  versionsOf,
} from './period-protection.ts';
import { periodsWithoutAssessments } from './periods-without-assessments.ts';
import type { TRawCells } from './raw-cells.ts';
import { selectCells } from './select-cells.ts';
import { selectPackedCells, usesPackedRows } from './select-packed-cells.ts';

/** A cell's figures. n ≤ population by construction (docs/measurement.md); were it not, no coverage is shown. */
function summaryOf(cells: TRawCells, i: number): TSummary {
  const n = cells.n[i] as number;
  const population = cells.population[i];
  return summarise(
    { n, sum: cells.sum[i] as number, sumSq: cells.sumSq[i] as number },
    population === undefined || Number.isNaN(population) || population < n ? undefined : population,
  );
}

/** The labels of every key, and (in the same round trip) the periods' versions of the protected cube. */
async function labelsFor(
  q: Queryable,
  ctx: TCtx,
): Promise<{ labels: Partial<Record<TMeasurementDimension, Map<string, string>>>; versions: TVersions }> {
  const nameCol = ctx.locale === 'en' ? 'name_en' : 'name_da';
  const { rows } = await q.query<[string, string, string | null]>({
    text: `SELECT 'theme', code, ${nameCol} FROM policy_themes WHERE municipality_id = $1
           UNION ALL SELECT 'unit', id::text, name FROM units WHERE municipality_id = $1
           UNION ALL SELECT 'district', id::text, name FROM districts WHERE municipality_id = $1
           UNION ALL ${VERSIONS_SQL}`,
    values: [ctx.user.municipalityId],
    rowMode: 'array',
  });
  const all = ctx.locale === 'en' ? 'All protective factors' : 'Alle beskyttelsesfaktorer';
  const labels = { theme: new Map([['all', all]]), unit: new Map(), district: new Map() };
  for (const [dim, id, name] of rows)
    if (dim === 'theme' || dim === 'unit' || dim === 'district') labels[dim].set(id, name ?? id);
  return { labels, versions: versionsOf(rows) };
}

/**
 * Reads the cells of the grouping (and baseline), takes each one's code from the protected cube and computes
 * every figure. Filters select cells of the cube; they never add cells up (effective-grouping.ts).
 */
async function measure(ctx: TActingCtx, query: TMeasurementQuery): Promise<TMeasurementTable> {
  const grouping = effectiveGrouping(query, measurableUnits(ctx));
  const { dims, selection, themes, units } = grouping;
  const periods = query.periods;
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, async (q) => {
    const { labels, versions } = await labelsFor(q, ctx);
    const read = usesPackedRows(query, dims)
      ? // The labels hold 'all' and the municipality's policy themes.
        await selectPackedCells(q, m, query, dims, new Set(themes ?? labels.theme?.keys()), periods, units)
      : await selectCells(q, m, query, dims, themes, periods, units);
    const baselineDims = dims.filter((d) => d !== 'period');
    const baselineRead = query.baselinePeriod
      ? await selectCells(q, m, query, baselineDims, themes, [query.baselinePeriod], units)
      : null;
    const asked = new Set(periodsOf(read, selection));
    if (query.baselinePeriod) asked.add(query.baselinePeriod);
    const protections = await periodProtections(
      q,
      m,
      [...asked],
      (municipality, period, computed) => {
        // Kept for other processes after this read; a failure only means computing it again later.
        ctx.db
          .tenant(municipality, (w) => storeProtection(w, municipality, period, computed))
          .catch(() => {});
      },
      versions,
    );
    const cells = listedCells(read, selection, protections);
    const baseline = baselineRead
      ? listedCells(baselineRead, { ...selection, period: query.baselinePeriod }, protections)
      : null;
    // Periods asked for by name that have no joint assessment yet: named, so no cell's absence is a puzzle.
    const waiting = periods ? await periodsWithoutAssessments(q, m, periods) : [];
    // The answer's shape: the same shape lists the same cells in the same places while data are unchanged.
    const shape = JSON.stringify([m, dims, selection, themes, periods, units]);
    return toTable(ctx, cells, baseline, labels, selection, waiting, shape);
  });
}

/**
 * The measurement parameter, rolled up: mean protective share with its 95 % interval, n and coverage per
 * cell of the chosen grouping, small cells hidden, optionally against a baseline period. Aggregates only.
 * Cells come sorted by the keys of the grouping, in its order.
 */
export const findMeasurement = defineUseCase(
  READ_MEASUREMENT,
  async (ctx, query: TMeasurementQuery): Promise<TMeasurementWire> => toWireObject(await measure(ctx, query)),
);

/** The same answer as findMeasurement, already written as JSON (the endpoint's hot path). */
export const findMeasurementJson = defineUseCase(
  READ_MEASUREMENT,
  async (ctx, query: TMeasurementQuery): Promise<RawJson<TMeasurementWire>> =>
    new RawJson(toWireJson(await measure(ctx, query))),
);

function toTable(
  ctx: TCtx,
  listed: TListedCells,
  baseline: TListedCells | null,
  labels: Partial<Record<TMeasurementDimension, Map<string, string>>>,
  selection: TSelection,
  periodsWithoutAssessments: string[],
  shape: string,
): TMeasurementTable {
  const { cells } = listed;
  const { dims } = cells;
  const count = cells.n.length;
  const dimensions: TMeasurementWire['dimensions'] = {};
  dims.forEach((d, di) => {
    const keys = cells.keys[di] as string[];
    dimensions[d] = { keys, labels: keys.map((k) => labels[d]?.get(k) ?? k) };
  });
  const { order, places } = sortedCells(cells);
  const { hidden } = listed;
  const base = baseline ? baselineLookup(baseline) : null;
  const head: TMeasurementTable['head'] = {
    groupBy: dims,
    definition: MEASUREMENT_DEFINITION[ctx.locale],
    scale: WIRE_SCALE,
    dimensions,
  };
  if (Object.keys(selection).length) head.selection = selection;
  if (periodsWithoutAssessments.length) head.periodsWithoutAssessments = periodsWithoutAssessments;
  const table: TMeasurementTable = {
    head,
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
  const kept = intervalsByPlace(shape, count);
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
        Number.isNaN(pop) || pop < cellN ? undefined : pop,
        SHARE_BOUNDS,
        kept,
        j,
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
function baselineLookup({ cells: baseline, hidden }: TListedCells): Map<string, TSummary> {
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

import {
  change,
  isHidden,
  MEASUREMENT_DEFINITION,
  summarise,
  suppressList,
  suppressTable,
  type TCellVisibility,
  type TChange,
  type TSummary,
} from '../../../domain/measurement/index.ts';
import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { fieldError } from '../../http/errors.ts';
import { measurableUnits } from './measurement.access.ts';
import { ADDITIVE, DIMENSION_SQL, filterSql } from './measurement-sql.ts';
import { WHOLE_MUNICIPALITY } from './refresh-population.ts';

type TKeys = Partial<Record<TMeasurementDimension, string>>;

export interface TMeasurementRow {
  keys: TKeys;
  labels: TKeys;
  /** null when hidden by small-cell suppression. */
  summary: TSummary | null;
  riskLoad: number | null;
  suppressed: Exclude<TCellVisibility, 'shown'> | null;
  baseline?: TSummary | null;
  change?: TChange | null;
}

interface TRawCell {
  keys: TKeys;
  n: number;
  sum: number;
  sumSq: number;
  sumRisk: number;
  population: number | null;
}

const keyOf = (keys: TKeys, dims: readonly TMeasurementDimension[]) =>
  dims.map((d) => keys[d] ?? '').join('|');

function validateGroupBy(groupBy: TMeasurementDimension[]): void {
  const additive = groupBy.filter((d) => ADDITIVE.has(d));
  const invalid =
    groupBy.length > 3 ||
    new Set(groupBy).size !== groupBy.length ||
    additive.length > 2 ||
    (groupBy.includes('unit') && groupBy.includes('district'));
  if (invalid) throw fieldError('groupBy', 'field.groupBy');
}

async function selectCells(
  q: Queryable,
  ctx: TCtx,
  query: TMeasurementQuery,
  dims: TMeasurementDimension[],
  themes: string[],
  periods: string[] | undefined,
  units: string[] | null,
): Promise<TRawCell[]> {
  const { where, params } = filterSql(ctx.user.municipalityId, query, themes, periods, units);
  const select = dims.map((d) => `${DIMENSION_SQL[d]} AS "${d}"`);
  const group = dims.map((d) => DIMENSION_SQL[d]);
  const { rows } = await q.query(
    `SELECT ${[...select, 'sum(c.n)::int AS n', 'sum(c.sum_x) AS sx', 'sum(c.sum_x2) AS sx2', 'sum(c.sum_risk) AS sr'].join(', ')}
       FROM measurement_cells c JOIN units u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id
      WHERE ${where} ${group.length ? `GROUP BY ${group.join(', ')}` : ''}`,
    params,
  );
  const population = await selectPopulation(q, ctx, query, dims, periods, units);
  const popDims = dims.filter((d) => d !== 'theme');
  return rows.map((r) => {
    const keys = Object.fromEntries(dims.map((d) => [d, r[d] as string])) as TKeys;
    return {
      keys,
      n: r.n,
      sum: r.sx,
      sumSq: r.sx2,
      sumRisk: r.sr,
      population: population.get(keyOf(keys, popDims)) ?? null,
    };
  });
}

/** Children in the population behind each cell (for coverage), grouped like the cells but never by theme. */
async function selectPopulation(
  q: Queryable,
  ctx: TCtx,
  query: TMeasurementQuery,
  dims: TMeasurementDimension[],
  periods: string[] | undefined,
  units: string[] | null,
): Promise<Map<string, number>> {
  const popDims = dims.filter((d) => d !== 'theme');
  const byUnit = Boolean(
    units || query.unitIds || query.districtIds || dims.includes('unit') || dims.includes('district'),
  );
  const params: unknown[] = [ctx.user.municipalityId];
  const where = [
    'p.municipality_id = $1',
    byUnit ? `p.unit_id <> '${WHOLE_MUNICIPALITY}'` : `p.unit_id = '${WHOLE_MUNICIPALITY}'`,
  ];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('$?', `$${params.length}`));
  };
  if (periods) add('p.period = ANY($?::text[])', periods);
  if (units) add('p.unit_id = ANY($?::uuid[])', units);
  if (query.unitIds) add('p.unit_id = ANY($?::uuid[])', query.unitIds);
  if (query.districtIds) add('u.district_id = ANY($?::uuid[])', query.districtIds);
  if (query.ageBands) add('p.age_band = ANY($?::text[])', query.ageBands);
  if (query.genders) add('p.gender::text = ANY($?::text[])', query.genders);
  const expr = (d: TMeasurementDimension) => DIMENSION_SQL[d].replace('c.', 'p.');
  const { rows } = await q.query(
    `SELECT ${[...popDims.map((d) => `${expr(d)} AS "${d}"`), 'sum(p.children)::int AS children'].join(', ')}
       FROM measurement_population p LEFT JOIN units u ON u.municipality_id = p.municipality_id AND u.id = p.unit_id
      WHERE ${where.join(' AND ')} ${popDims.length ? `GROUP BY ${popDims.map(expr).join(', ')}` : ''}`,
    params,
  );
  return new Map(rows.map((r) => [keyOf(r as TKeys, popDims), r.children as number]));
}

/** Hides small cells per (theme, period) slice, with complementary cells so totals give nothing away. */
function suppress(cells: TRawCell[], dims: TMeasurementDimension[]): Map<TRawCell, TCellVisibility> {
  const additive = dims.filter((d) => ADDITIVE.has(d));
  const sliceDims = dims.filter((d) => !ADDITIVE.has(d));
  const slices = new Map<string, TRawCell[]>();
  for (const c of cells) {
    const k = keyOf(c.keys, sliceDims);
    slices.set(k, [...(slices.get(k) ?? []), c]);
  }
  const result = new Map<TRawCell, TCellVisibility>();
  for (const slice of slices.values()) {
    if (additive.length < 2) {
      const { cells: vis } = suppressList(
        slice.map((c) => c.n),
        { total: additive.length === 1 },
      );
      for (const [i, c] of slice.entries()) result.set(c, vis[i] ?? 'primary');
      continue;
    }
    const [rowDim, colDim] = additive as [TMeasurementDimension, TMeasurementDimension];
    const rowKeys = [...new Set(slice.map((c) => c.keys[rowDim] ?? ''))];
    const colKeys = [...new Set(slice.map((c) => c.keys[colDim] ?? ''))];
    const at = new Map(slice.map((c) => [`${c.keys[rowDim]}|${c.keys[colDim]}`, c]));
    const table = rowKeys.map((r) => colKeys.map((col) => at.get(`${r}|${col}`)?.n ?? 0));
    const { cells: vis } = suppressTable(table);
    rowKeys.forEach((r, i) => {
      colKeys.forEach((col, j) => {
        const cell = at.get(`${r}|${col}`);
        if (cell) result.set(cell, vis[i]?.[j] ?? 'primary');
      });
    });
  }
  return result;
}

async function labelsFor(
  q: Queryable,
  ctx: TCtx,
): Promise<Record<'theme' | 'unit' | 'district', Map<string, string>>> {
  const m = ctx.user.municipalityId;
  const nameCol = ctx.locale === 'en' ? 'name_en' : 'name_da';
  const [themes, units, districts] = await Promise.all([
    q.query(`SELECT code AS id, ${nameCol} AS name FROM policy_themes WHERE municipality_id = $1`, [m]),
    q.query('SELECT id, name FROM units WHERE municipality_id = $1', [m]),
    q.query('SELECT id, name FROM districts WHERE municipality_id = $1', [m]),
  ]);
  const all = ctx.locale === 'en' ? 'All protective factors' : 'Alle beskyttelsesfaktorer';
  return {
    theme: new Map([['all', all], ...themes.rows.map((r): [string, string] => [r.id, r.name])]),
    unit: new Map(units.rows.map((r) => [r.id, r.name])),
    district: new Map(districts.rows.map((r) => [r.id, r.name])),
  };
}

/**
 * The measurement parameter, rolled up: mean protective share with its 95 % interval, n and coverage per
 * cell of the chosen grouping, small cells hidden, optionally against a baseline period. Aggregates only.
 */
export async function findMeasurement(ctx: TCtx, query: TMeasurementQuery) {
  const units = measurableUnits(ctx);
  const dims = query.groupBy;
  validateGroupBy(dims);
  const themes = query.themes ?? (dims.includes('theme') ? undefined : ['all']);
  return ctx.db.tenantRead(ctx.user.municipalityId, async (q) => {
    const themeList = themes ?? [
      'all',
      ...(
        await q.query('SELECT code FROM policy_themes WHERE municipality_id = $1 ORDER BY sort_order', [
          ctx.user.municipalityId,
        ])
      ).rows.map((r) => r.code as string),
    ];
    const cells = await selectCells(q, ctx, query, dims, themeList, query.periods, units);
    const visibility = suppress(cells, dims);
    const baselineDims = dims.filter((d) => d !== 'period');
    const baseline = query.baselinePeriod
      ? await selectCells(q, ctx, query, baselineDims, themeList, [query.baselinePeriod], units)
      : [];
    const baselineVisibility = suppress(baseline, baselineDims);
    const baselineByKey = new Map(baseline.map((b) => [keyOf(b.keys, baselineDims), b]));
    const labels = await labelsFor(q, ctx);
    const rows: TMeasurementRow[] = cells.map((c) => {
      const hidden = isHidden(visibility.get(c) ?? 'primary');
      const base = baselineByKey.get(keyOf(c.keys, baselineDims));
      const baseHidden = !base || isHidden(baselineVisibility.get(base) ?? 'primary');
      const summary = hidden ? null : summarise({ n: c.n, sum: c.sum, sumSq: c.sumSq }, population(c));
      const baseSummary =
        baseHidden || !base
          ? null
          : summarise({ n: base.n, sum: base.sum, sumSq: base.sumSq }, population(base));
      return {
        keys: c.keys,
        labels: Object.fromEntries(
          dims.map((d) => [
            d,
            d in labels ? (labels[d as keyof typeof labels].get(c.keys[d] ?? '') ?? c.keys[d]) : c.keys[d],
          ]),
        ) as TKeys,
        summary,
        riskLoad: hidden ? null : c.sumRisk / c.n,
        suppressed: hidden ? ((visibility.get(c) ?? 'primary') as 'primary' | 'complementary') : null,
        ...(query.baselinePeriod
          ? { baseline: baseSummary, change: summary && baseSummary ? change(baseSummary, summary) : null }
          : {}),
      };
    });
    rows.sort((a, b) => keyOf(a.keys, dims).localeCompare(keyOf(b.keys, dims)));
    return { groupBy: dims, definition: MEASUREMENT_DEFINITION[ctx.locale], rows };
  });
}

/** Coverage needs n ≤ population; a population counted on another day may be smaller, so it is capped. */
function population(c: TRawCell): number | undefined {
  return c.population === null ? undefined : Math.max(c.population, c.n);
}

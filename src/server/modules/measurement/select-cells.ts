import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import type { Queryable } from '../../db/client.ts';
import { selectBinary } from '../../db/copy-binary.ts';
import { filterSql, KEY_KIND, populationSql, sourceOf } from './measurement-sql.ts';
import { sortedKeys, type TRawCells } from './raw-cells.ts';

/** The cells of a grouping summed from a rollup (the general path; see select-packed-cells.ts for the main table). */
export async function selectCells(
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

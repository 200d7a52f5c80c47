import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import { WHOLE_MUNICIPALITY } from './refresh-population.ts';

export const ADDITIVE: ReadonlySet<TMeasurementDimension> = new Set([
  'unit',
  'district',
  'ageBand',
  'gender',
]);

/** How each dimension's key travels in a binary read: units and districts are uuids, the rest text. */
export const KEY_KIND: Record<TMeasurementDimension, 'uuid' | 'text'> = {
  theme: 'text',
  period: 'text',
  unit: 'uuid',
  district: 'uuid',
  ageBand: 'text',
  gender: 'text',
};

/** Where a grouping reads its sums and its population. */
export interface TSource {
  cells: string;
  /** The dimensions of the cells table's key. */
  key: readonly TMeasurementDimension[];
  population: string;
  /**
   * SQL per dimension over the cells `c` (and units `u` for district), in the column's own type: the
   * population joins on it, and a uuid travels as 16 bytes (KEY_KIND), not as 36 characters.
   */
  dimensionSql: Partial<Record<TMeasurementDimension, string>>;
  unitJoin: string;
  /** The population's columns by age band and gender, if the source has them. */
  fine: boolean;
}

const UNIT_JOIN = 'JOIN units u ON u.municipality_id = c.municipality_id AND u.id = c.unit_id';

const FINE: TSource = {
  cells: 'measurement_cells',
  key: ['period', 'unit', 'ageBand', 'gender', 'theme'],
  population: 'measurement_population',
  dimensionSql: {
    period: 'c.period',
    theme: 'c.theme_key',
    unit: 'c.unit_id',
    district: 'u.district_id',
    ageBand: 'c.age_band',
    gender: 'c.gender',
  },
  unitJoin: UNIT_JOIN,
  fine: true,
};

/** Summed over age band and gender (migration 0006): for groupings and filters without them. */
const BY_UNIT: TSource = {
  cells: 'measurement_unit_cells',
  key: ['period', 'unit', 'theme'],
  population: 'measurement_unit_population',
  dimensionSql: {
    period: 'c.period',
    theme: 'c.theme_key',
    unit: 'c.unit_id',
    district: 'u.district_id',
  },
  unitJoin: UNIT_JOIN,
  fine: false,
};

export function sourceOf(query: TMeasurementQuery, dims: readonly TMeasurementDimension[]): TSource {
  const fine = dims.includes('ageBand') || dims.includes('gender') || query.ageBands || query.genders;
  return fine ? FINE : BY_UNIT;
}

/** A condition with one parameter: `$?` in `sql` becomes the parameter's number. */
export function addCondition(params: unknown[], where: string[], sql: string, value: unknown): void {
  params.push(value);
  where.push(sql.replaceAll('$?', `$${params.length}`));
}

export interface TFilterSql {
  where: string;
  params: unknown[];
}

/** The WHERE clause over the cells `c`: municipality, themes (null: 'all' and every policy theme), periods, units and the rest. */
export function filterSql(
  municipalityId: string,
  query: TMeasurementQuery,
  themes: string[] | null,
  periods: string[] | undefined,
  units: string[] | null,
): TFilterSql {
  const params: unknown[] = [municipalityId];
  const where = ['c.municipality_id = $1', 'c.n > 0'];
  const add = (sql: string, value: unknown) => addCondition(params, where, sql, value);
  if (themes) add('c.theme_key = ANY($?::text[])', themes);
  else
    where.push(
      "(c.theme_key = 'all' OR c.theme_key IN (SELECT code FROM policy_themes WHERE municipality_id = $1))",
    );
  if (periods) add('c.period = ANY($?::text[])', periods);
  if (units) add('c.unit_id = ANY($?::uuid[])', units);
  if (query.unitIds) add('c.unit_id = ANY($?::uuid[])', query.unitIds);
  if (query.districtIds) add('u.district_id = ANY($?::uuid[])', query.districtIds);
  if (query.ageBands) add('c.age_band = ANY($?::text[])', query.ageBands);
  if (query.genders) add('c.gender::text = ANY($?::text[])', query.genders);
  return { where: where.join(' AND '), params };
}

/**
 * Children in the population behind each cell (for coverage), grouped by `popDims` (never theme): per unit
 * when the cells are by unit or district or filtered to units, else the whole municipality (a child
 * enrolled in two units counts once there). The last column is the count.
 */
export function populationSql(
  params: unknown[],
  query: TMeasurementQuery,
  popDims: readonly TMeasurementDimension[],
  periods: string[] | undefined,
  units: string[] | null,
  source: TSource,
): string {
  const byUnit = Boolean(
    units || query.unitIds || query.districtIds || popDims.includes('unit') || popDims.includes('district'),
  );
  const where = [
    'p.municipality_id = $1',
    byUnit ? `p.unit_id <> '${WHOLE_MUNICIPALITY}'` : `p.unit_id = '${WHOLE_MUNICIPALITY}'`,
  ];
  const add = (sql: string, value: unknown) => addCondition(params, where, sql, value);
  if (periods) add('p.period = ANY($?::text[])', periods);
  if (units) add('p.unit_id = ANY($?::uuid[])', units);
  if (query.unitIds) add('p.unit_id = ANY($?::uuid[])', query.unitIds);
  if (query.districtIds) add('u.district_id = ANY($?::uuid[])', query.districtIds);
  if (source.fine && query.ageBands) add('p.age_band = ANY($?::text[])', query.ageBands);
  if (source.fine && query.genders) add('p.gender::text = ANY($?::text[])', query.genders);
  const expr = popDims.map((d) => (source.dimensionSql[d] ?? '').replace('c.', 'p.'));
  const join =
    popDims.includes('district') || query.districtIds
      ? 'JOIN units u ON u.municipality_id = p.municipality_id AND u.id = p.unit_id'
      : '';
  return `SELECT ${[...expr.map((e, i) => `${e} AS p${i}`), 'sum(p.children)::int AS children'].join(', ')}
            FROM ${source.population} p ${join}
           WHERE ${where.join(' AND ')} ${expr.length ? `GROUP BY ${expr.join(', ')}` : ''}`;
}

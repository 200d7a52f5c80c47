import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';

/** SQL for each dimension over measurement_cells `c` joined to units `u`. */
export const DIMENSION_SQL: Record<TMeasurementDimension, string> = {
  period: 'c.period',
  theme: 'c.theme_key',
  unit: 'c.unit_id',
  district: 'u.district_id',
  ageBand: 'c.age_band',
  gender: 'c.gender::text',
};

export const ADDITIVE: ReadonlySet<TMeasurementDimension> = new Set([
  'unit',
  'district',
  'ageBand',
  'gender',
]);

export interface TFilterSql {
  where: string;
  params: unknown[];
}

/** The WHERE clause shared by the cells and the baseline: municipality, themes, periods, units and the rest. */
export function filterSql(
  municipalityId: string,
  query: TMeasurementQuery,
  themes: string[],
  periods: string[] | undefined,
  units: string[] | null,
): TFilterSql {
  const params: unknown[] = [municipalityId, themes];
  const where = ['c.municipality_id = $1', 'c.n > 0', 'c.theme_key = ANY($2::text[])'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll('$?', `$${params.length}`));
  };
  if (periods) add('c.period = ANY($?::text[])', periods);
  if (units) add('c.unit_id = ANY($?::uuid[])', units);
  if (query.unitIds) add('c.unit_id = ANY($?::uuid[])', query.unitIds);
  if (query.districtIds) add('u.district_id = ANY($?::uuid[])', query.districtIds);
  if (query.ageBands) add('c.age_band = ANY($?::text[])', query.ageBands);
  if (query.genders) add('c.gender::text = ANY($?::text[])', query.genders);
  return { where: where.join(' AND '), params };
}

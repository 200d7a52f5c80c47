import type { TMeasurementDimension, TMeasurementQuery } from '../../../shared/schemas/measurement.ts';
import { fieldError } from '../../http/errors.ts';

/** The single key every cell of an answer has for a dimension it is not grouped by. */
export type TSelection = Partial<Record<TMeasurementDimension, string>>;

export interface TEffectiveGrouping {
  /** groupBy, plus every dimension a filter names several values of. */
  dims: TMeasurementDimension[];
  selection: TSelection;
  /** Theme keys to read; null: 'all' and every policy theme. */
  themes: string[] | null;
  /** The units the answer may draw on (the asked ones within the user's scope); null: all. */
  units: string[] | null;
}

const GEO: readonly TMeasurementDimension[] = ['unit', 'district'];
const POPULATION: readonly TMeasurementDimension[] = ['ageBand', 'gender'];

/**
 * Every figure an answer may hold is a cell of the protected cube (decision 022): one period, one theme, one
 * place (a unit, a district or the municipality) and one population (all children, one age band or one
 * gender). So a filter selects cells and never adds them up: a filter naming one value fixes that dimension
 * (`selection`), one naming several groups by it. Summed periods, themes, units or populations are not
 * offered, and neither is age band crossed with gender.
 * `scope`: the units a unit leader leads (null for the whole municipality).
 */
export function effectiveGrouping(query: TMeasurementQuery, scope: string[] | null): TEffectiveGrouping {
  const groupBy = query.groupBy;
  if (
    groupBy.length > 3 ||
    new Set(groupBy).size !== groupBy.length ||
    GEO.every((d) => groupBy.includes(d)) ||
    POPULATION.every((d) => groupBy.includes(d))
  )
    throw fieldError('groupBy', 'field.groupBy');
  const dims = [...groupBy];
  const selection: TSelection = {};
  const choose = (dim: TMeasurementDimension, values: readonly string[] | undefined) => {
    if (dims.includes(dim) || values === undefined) return;
    if (values.length === 1) selection[dim] = values[0] as string;
    else dims.push(dim);
  };

  choose('period', query.periods ?? []);
  const themes = query.themes ?? (dims.includes('theme') ? null : ['all']);
  choose('theme', themes ?? undefined);

  let units = query.unitIds ?? null;
  if (scope) {
    // A unit leader sees the units they lead, one by one: a district's figure holds other units' children.
    if (dims.includes('district') || query.districtIds) throw fieldError('districtIds', 'field.scopeUnits');
    units = units ? units.filter((u) => scope.includes(u)) : scope;
  }
  if (dims.includes('district') && query.unitIds) throw fieldError('unitIds', 'field.unitsUnderDistrict');
  if (!dims.includes('unit') && !dims.includes('district')) {
    if (units) choose('unit', units.length ? units : ['']);
    else choose('district', query.districtIds);
  }

  choose('ageBand', query.ageBands);
  choose('gender', query.genders);
  const population = POPULATION.filter((d) => dims.includes(d) || selection[d] !== undefined);
  if (population.length > 1) throw fieldError('genders', 'field.ageBandAndGender');
  return { dims, selection, themes, units };
}

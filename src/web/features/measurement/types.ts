import type { TMeasurementDimension } from '../../../shared/schemas/measurement';

export type TAgeBand = '0-2' | '3-5' | '6-9' | '10-12' | '13-15' | '16-17';
export const AGE_BANDS: readonly TAgeBand[] = ['0-2', '3-5', '6-9', '10-12', '13-15', '16-17'];
export type TGender = 'female' | 'male' | 'other';
export const GENDERS: readonly TGender[] = ['female', 'male', 'other'];

export type TKeys = Partial<Record<TMeasurementDimension, string>>;

/** One cell's figures; the server leaves `mean` and `ci95` out (null) where it cannot compute them. */
export interface TSummary {
  n: number;
  mean: number | null;
  sd?: number | null;
  ci95: readonly [number, number] | null;
  coverage: number | null;
}

export interface TChange {
  delta: number | null;
  significant: boolean;
}

export interface TMeasurementRow {
  keys: TKeys;
  labels: TKeys;
  /** null when the cell is hidden by small-cell suppression. */
  summary: TSummary | null;
  riskLoad: number | null;
  suppressed: 'primary' | 'complementary' | null;
  baseline?: TSummary | null;
  change?: TChange | null;
}

export interface TDefinitionText {
  label: string;
  text: string;
}

export type TDefinitionTerm =
  | 'parameter'
  | 'protectiveShare'
  | 'riskLoad'
  | 'persistence'
  | 'n'
  | 'ci95'
  | 'coverage'
  | 'suppression'
  | 'significance';

export type TDefinition = Partial<Record<TDefinitionTerm, TDefinitionText>>;

export interface TMeasurementResponse {
  groupBy: TMeasurementDimension[];
  /** Already in the user's language. */
  definition: TDefinition;
  rows: TMeasurementRow[];
}

/** What the API takes (`GET /api/v1/measurement`); lists are sent comma-separated. */
export interface TMeasurementParams {
  groupBy: TMeasurementDimension[];
  periods?: string[];
  themes?: string[];
  unitIds?: string[];
  districtIds?: string[];
  ageBands?: TAgeBand[];
  genders?: TGender[];
  baselinePeriod?: string;
}

export type TCompareBy = 'unit' | 'district';

/** The page's state in the address bar, so a view can be bookmarked and shared. */
export interface TMeasurementSearch {
  from?: string;
  to?: string;
  ageBand?: TAgeBand;
  gender?: TGender;
  /** "unit:<id>" or "district:<id>"; none = everyone the user may see. */
  place?: string;
  /** A period, or "none" for no baseline; none given = the earliest period. */
  baseline?: string;
  /** Themes drawn in the trend; none given = all. */
  themes?: string[];
  compare?: TCompareBy;
  compareTheme?: string;
}

/** The filters that choose the population (the form at the top of the page). */
export type TMeasurementFilters = Pick<
  TMeasurementSearch,
  'from' | 'to' | 'ageBand' | 'gender' | 'place' | 'baseline'
>;

import type { TAgeBand } from '../../../domain/measurement/age-band';
import type { TDecodedMeasurement, TDecodedRow } from '../../../shared/measurement-wire';
import type { TGender } from '../../../shared/schemas/common';
import type { TMeasurementQuery } from '../../../shared/schemas/measurement';

// The answer is the server's own wire format, decoded (src/shared/measurement-wire.ts); the question is the
// server's own schema: one definition for both sides.
export { AGE_BANDS, type TAgeBand } from '../../../domain/measurement/age-band';
export type { TDefinitionTerm } from '../../../domain/measurement/definition';
export { GENDERS, type TGender } from '../../../shared/schemas/common';

/** One cell's keys, labels and figures. */
export type TMeasurementRow = TDecodedRow;
export type TMeasurementResponse = TDecodedMeasurement;
/** The definition's terms, already in the user's language. */
export type TDefinition = TDecodedMeasurement['definition'];

/** What the API takes (`GET /api/v1/measurement`); lists are sent comma-separated. */
export type TMeasurementParams = TMeasurementQuery;

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

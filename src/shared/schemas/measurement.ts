import { z } from 'zod';
import { AGE_BANDS } from '../../domain/measurement/age-band.ts';
import { GENDERS, ZCsvStyle } from './common.ts';

export const MEASUREMENT_DIMENSIONS = ['period', 'theme', 'unit', 'district', 'ageBand', 'gender'] as const;
export type TMeasurementDimension = (typeof MEASUREMENT_DIMENSIONS)[number];

const ZPeriod = z.string().regex(/^\d{4}H[12]$/);
const ZList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50));

export const ZMeasurementQuery = z.strictObject({
  /** Up to three dimensions; at most two of unit, district, age band and gender (the additive ones). */
  groupBy: ZList(z.enum(MEASUREMENT_DIMENSIONS)).default(['theme']),
  periods: ZList(ZPeriod).optional(),
  themes: ZList(z.string().min(1).max(40)).optional(),
  unitIds: ZList(z.uuid()).optional(),
  districtIds: ZList(z.uuid()).optional(),
  ageBands: ZList(z.enum(AGE_BANDS)).optional(),
  genders: ZList(z.enum(GENDERS)).optional(),
  baselinePeriod: ZPeriod.optional(),
});
export type TMeasurementQuery = z.infer<typeof ZMeasurementQuery>;

export const ZMeasurementExportQuery = ZMeasurementQuery.extend({
  format: z.enum(['csv', 'xlsx']),
  csv: ZCsvStyle.optional(),
});
export type TMeasurementExportQuery = z.infer<typeof ZMeasurementExportQuery>;

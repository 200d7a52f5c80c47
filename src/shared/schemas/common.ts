import { z } from 'zod';
import { isCpr } from '../../domain/cpr.ts';

/** Trimmed, non-empty, bounded text. */
export const ZText = (max = 200) => z.string().trim().min(1).max(max);
export const ZId = z.uuid();
export const ZIsoDate = z.iso
  .date()
  .refine((d) => d >= '1900-01-01', { params: { key: 'field.invalidDate' } });
/** An edit's optimistic-locking version: a PostgreSQL integer. */
export const ZVersion = z.number().int().min(1).max(2_147_483_647);
export const ZLocale = z.enum(['da', 'en']);
/**
 * How a CSV export is written: `excel-da` opens as a table in Danish Excel (semicolons, decimal commas),
 * `rfc4180` is for programs (commas, decimal points; the default).
 */
export const ZCsvStyle = z.enum(['excel-da', 'rfc4180']);
export type TCsvStyle = z.infer<typeof ZCsvStyle>;
export const ZCpr = z
  .string()
  .trim()
  .refine(isCpr, { params: { key: 'field.invalidCpr' } });

export const ZPaging = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TPaging = z.infer<typeof ZPaging>;

export const ZIdParams = z.strictObject({ id: ZId });

export const GENDERS = ['female', 'male', 'other'] as const;
export const ZGender = z.enum(GENDERS);
export type TGender = z.infer<typeof ZGender>;

// In answers (the *-views.ts schemas): what the server writes, checked against its real answers in tests.

/** A moment as the server writes it: `Date.toISOString()`, UTC. */
export const ZTimestamp = z.iso.datetime();
/** A calendar date as PostgreSQL gives it, yyyy-mm-dd (never shifted by a time zone). */
export const ZDay = z.iso.date();

/** One page of a list answer. */
export const ZPage = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    items: z.array(item),
    total: z.number().int().min(0),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });

export interface TPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

import { type TLocale, type TMessageKey, translate } from '../../../shared/i18n/errors.ts';
import type { TImportErrorReport } from '../../../shared/schemas/imports.ts';
import { AppError, type TErrorCode, type TRowProblem } from '../../http/errors.ts';

/** Listed problems per report; the rest are counted. */
export const MAX_REPORTED_PROBLEMS = 1000;

/** A failed import's report as stored: message keys and parameters, translated for each reader. */
export interface TStoredReport {
  code: TErrorCode;
  params?: Record<string, unknown>;
  rows: TRowProblem[];
  omitted?: number;
}

/** The report of a file whose rows have problems: every problem in line order, the first 1,000 listed. */
export function invalidRowsReport(
  problems: TRowProblem[],
  uncounted: number,
  badRows: number,
): TStoredReport {
  const sorted = [...problems].sort((a, b) => a.row - b.row);
  const rows = sorted.slice(0, MAX_REPORTED_PROBLEMS);
  const omitted = sorted.length - rows.length + uncounted;
  return { code: 'IMPORT_INVALID', params: { count: badRows }, rows, ...(omitted > 0 ? { omitted } : {}) };
}

export function translateReport(report: TStoredReport, locale: TLocale): TImportErrorReport {
  return {
    code: report.code,
    message: translate(locale, report.code as TMessageKey, report.params),
    rows: report.rows.map((p) => ({
      row: p.row,
      field: p.field,
      message: translate(locale, p.key, p.params),
    })),
    ...(report.omitted ? { omitted: report.omitted } : {}),
  };
}

/** The stored report as the error a waiting request answers with (400 with the rows, 409, …). */
export function reportError(report: TStoredReport): AppError {
  if (report.rows.length === 0) return new AppError(report.code, { params: report.params });
  return new AppError(report.code, { params: report.params, rows: report.rows, omitted: report.omitted });
}

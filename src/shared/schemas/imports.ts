import { z } from 'zod';
import { ZId, ZText } from './common.ts';

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export type TImportFormat = (typeof IMPORT_FORMATS)[number];

/** Data rows per file; a larger file is refused before anything is read into the database. */
export const MAX_IMPORT_ROWS = 5000;
/** The file itself (decoded); its base64 text in the JSON body is a third longer. */
export const MAX_IMPORT_FILE_BYTES = 7 * 1024 * 1024;
/** The body limit of the import route: the base64 file plus the other fields. */
export const IMPORT_BODY_LIMIT = 10 * 1024 * 1024;

export const IMPORT_STATUSES = ['queued', 'validating', 'importing', 'done', 'failed'] as const;
export type TImportStatus = (typeof IMPORT_STATUSES)[number];

/**
 * An assessment file made in another tool: its bytes as base64 inside the JSON body (the API takes JSON
 * only). Only joint assessments are imported: an export from another tool is the unit's agreed view.
 */
export const ZCreateAssessmentImportRequest = z.strictObject({
  roundId: ZId,
  format: z.enum(IMPORT_FORMATS),
  fileName: ZText(200),
  content: z.base64().max(Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4),
  mode: z.literal('joint'),
});
export type TCreateAssessmentImportRequest = z.infer<typeof ZCreateAssessmentImportRequest>;

/** `wait=true`: run the import before answering (201 with the final state, or the error report). */
export const ZCreateAssessmentImportQuery = z.strictObject({
  wait: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
});
export type TCreateAssessmentImportQuery = z.infer<typeof ZCreateAssessmentImportQuery>;

/** One problem in the file: the 1-based line (the heading is line 1), the column, and what is wrong. */
export interface TImportRowError {
  row: number;
  field: string;
  message: string;
}

export interface TImportErrorReport {
  code: string;
  message: string;
  rows: TImportRowError[];
  /** Problems beyond the first 1,000, counted but not listed. */
  omitted?: number;
}

export interface TAssessmentImport {
  id: string;
  roundId: string;
  fileName: string;
  format: TImportFormat;
  layout: 'position' | 'factors';
  status: TImportStatus;
  totalRows: number;
  /** Rows handled in the current phase (validating, then importing). */
  processedRows: number;
  /** Validation is the first half of the bar, writing the second; 100 when finished. */
  percent: number;
  /** Joint assessments made by the import (0 until it is done). */
  created: number;
  errorReport?: TImportErrorReport;
  createdAt: string;
  finishedAt: string | null;
}

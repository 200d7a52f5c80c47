import type { TAssessmentImport, TImportStatus } from '../../../shared/schemas/imports.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { type TStoredReport, translateReport } from './import-report.ts';
import { importAccess, ledUnits } from './imports.access.ts';

/** Validation is the first half of the bar and writing the second; a finished import is at 100. */
export function importPercent(status: TImportStatus, processed: number, total: number): number {
  if (status === 'done' || status === 'failed') return 100;
  if (status === 'queued' || total === 0) return 0;
  const half = Math.floor((50 * Math.min(processed, total)) / total);
  return status === 'importing' ? 50 + half : half;
}

export interface TImportState {
  view: TAssessmentImport;
  report: TStoredReport | null;
}

/** An import's progress, for its starter or a leader of the round's units; anyone else gets 404. */
export const getAssessmentImportState = defineUseCase(
  'write:assessment:unit',
  async (ctx, id: string): Promise<TImportState> => {
    const m = ctx.user.municipalityId;
    const { rows } = await ctx.db.tenantRead(m, (q) =>
      q.query(
        sql`SELECT i.id, i.round_id AS "roundId", i.file_name AS "fileName", i.format, i.layout, i.status,
              i.total_rows AS "totalRows", i.processed_rows AS "processedRows", i.created_count AS created,
              i.error_report AS "errorReport", i.created_at AS "createdAt", i.finished_at AS "finishedAt"
         FROM assessment_imports i
        WHERE i.municipality_id = ${m} AND i.id = ${id} AND ${importAccess(ctx.user.userId, ledUnits(ctx))}`,
      ),
    );
    const r = rows[0];
    if (!r) throw new AppError('NOT_FOUND');
    const report = r.errorReport as TStoredReport | null;
    return {
      report,
      view: {
        id: r.id,
        roundId: r.roundId,
        fileName: r.fileName,
        format: r.format,
        layout: r.layout,
        status: r.status,
        totalRows: r.totalRows,
        processedRows: r.processedRows,
        percent: importPercent(r.status, r.processedRows, r.totalRows),
        created: r.created,
        ...(report ? { errorReport: translateReport(report, ctx.locale) } : {}),
        createdAt: (r.createdAt as Date).toISOString(),
        finishedAt: r.finishedAt ? (r.finishedAt as Date).toISOString() : null,
      },
    };
  },
);

/** The import as its follower sees it (without the stored report, which `view` carries translated). */
export const getAssessmentImport = defineUseCase(
  getAssessmentImportState.permission,
  async (ctx, id: string): Promise<TAssessmentImport> => (await getAssessmentImportState(ctx, id)).view,
);

import type { TExportAuditEventsQuery } from '../../../shared/schemas/audit.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { type TColumn, toCsv, toXlsx } from '../exports/tabular.ts';
import { selectAuditEvents, type TAuditEventRow } from './find-audit-events.ts';

/** An export is capped so one request cannot hold the server; narrow the period to get older events. */
export const EXPORT_LIMIT = 100_000;

const COLUMNS: Record<'da' | 'en', TColumn<TAuditEventRow>[]> = {
  da: [
    { header: 'Løbenummer', value: (r) => r.seq },
    { header: 'Tidspunkt', value: (r) => r.at },
    { header: 'Bruger', value: (r) => r.userName },
    { header: 'Bruger-id', value: (r) => r.userId },
    { header: 'Rolle', value: (r) => r.role },
    { header: 'Handling', value: (r) => r.action },
    { header: 'Objekt', value: (r) => r.entity },
    { header: 'Objekt-id', value: (r) => r.entityId },
    { header: 'Barn-id', value: (r) => r.childId },
    { header: 'Formål/relation', value: (r) => r.purpose },
    { header: 'IP', value: (r) => r.ip },
    { header: 'Begrundelse', value: (r) => r.reason },
  ],
  en: [
    { header: 'Sequence', value: (r) => r.seq },
    { header: 'Time', value: (r) => r.at },
    { header: 'User', value: (r) => r.userName },
    { header: 'User id', value: (r) => r.userId },
    { header: 'Role', value: (r) => r.role },
    { header: 'Action', value: (r) => r.action },
    { header: 'Entity', value: (r) => r.entity },
    { header: 'Entity id', value: (r) => r.entityId },
    { header: 'Child id', value: (r) => r.childId },
    { header: 'Purpose/relation', value: (r) => r.purpose },
    { header: 'IP', value: (r) => r.ip },
    { header: 'Reason', value: (r) => r.reason },
  ],
};

export const exportAuditEvents = defineUseCase(
  'read:audit:municipality',
  async (
    ctx,
    query: TExportAuditEventsQuery,
  ): Promise<{ filename: string; contentType: string; body: string | Buffer }> => {
    const { rows } = await ctx.db.tenant(ctx.user.municipalityId, (q) =>
      selectAuditEvents(q, ctx.user.municipalityId, query, EXPORT_LIMIT, 0),
    );
    const columns = COLUMNS[ctx.locale];
    const stamp = new Date().toISOString().slice(0, 10);
    if (query.format === 'csv') {
      return {
        filename: `revisionslog-${stamp}.csv`,
        contentType: 'text/csv; charset=utf-8',
        body: toCsv(columns, rows, query.csv),
      };
    }
    return {
      filename: `revisionslog-${stamp}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      body: await toXlsx(ctx.locale === 'da' ? 'Revisionslog' : 'Audit log', columns, rows),
    };
  },
);

import type { TComplianceQuery, TComplianceShare } from '../../../shared/schemas/compliance.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { type TColumn, toXlsx } from '../exports/tabular.ts';
import { computeCompliance } from './compute-compliance.ts';

const pct = (c: TComplianceShare) => (c.share === null ? null : Math.round(c.share * 1000) / 10);

/** The compliance report as an XLSX workbook: one row per scope, counts and shares side by side. */
export const exportCompliance = defineUseCase(
  'read:compliance:municipality',
  async (ctx, query: TComplianceQuery): Promise<{ filename: string; body: Buffer }> => {
    const m = ctx.user.municipalityId;
    const report = await ctx.db.tenantRead(m, (q) =>
      computeCompliance(q, m, { from: query.from, to: query.to }, ctx.user.municipalityName),
    );
    const da = ctx.locale === 'da';
    type R = (typeof report.rows)[number];
    const share = (label: string, get: (r: R) => TComplianceShare): TColumn<R>[] => [
      { header: `${label} (${da ? 'til tiden' : 'on time'})`, value: (r) => get(r).onTime },
      { header: `${label} (${da ? 'i alt' : 'total'})`, value: (r) => get(r).total },
      { header: `${label} (%)`, value: (r) => pct(get(r)) },
    ];
    const columns: TColumn<R>[] = [
      { header: da ? 'Område' : 'Scope', value: (r) => r.name },
      { header: da ? 'Fra' : 'From', value: () => report.period.from },
      { header: da ? 'Til' : 'To', value: () => report.period.to },
      ...share(
        da ? 'Underretninger vurderet inden for 24 timer' : 'Notifications assessed within 24 h',
        (r) => r.notified,
      ),
      ...share(da ? 'Kvitteringer inden for 6 hverdage' : 'Receipts within 6 weekdays', (r) => r.receipts),
      ...share(da ? '§ 20 inden for 4 måneder' : '§ 20 within 4 months', (r) => r.assessment),
      ...share(da ? 'Planer inden for 3 måneder' : 'Plans within 3 months', (r) => r.plan),
      ...share(da ? 'Opfølgning til tiden' : 'Follow-ups on time', (r) => r.followUp),
      {
        header: da ? 'Børn med sag og to vurderinger' : 'Children with a case and two assessments',
        value: (r) => r.protective.n,
      },
      {
        header: da
          ? 'Ændring i beskyttelsesandel (procentpoint)'
          : 'Change in protective share (percentage points)',
        value: (r) =>
          r.protective.meanChange === null ? null : Math.round(r.protective.meanChange * 1000) / 10,
      },
    ];
    const body = await toXlsx(da ? 'Overholdelse' : 'Compliance', columns, report.rows);
    return { filename: `overholdelse-${query.from}-${query.to}.xlsx`, body };
  },
);

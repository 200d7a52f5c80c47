import { decodeMeasurement, type TDecodedRow as TMeasurementRow } from '../../../shared/measurement-wire.ts';
import type { TMeasurementExportQuery } from '../../../shared/schemas/measurement.ts';
import type { TCtx } from '../../http/context.ts';
import { type TColumn, toCsv, toXlsx } from '../exports/tabular.ts';
import { findMeasurement } from './find-measurement.ts';

const HEADERS = {
  da: {
    period: 'Periode',
    theme: 'Tema',
    unit: 'Enhed',
    district: 'Distrikt',
    ageBand: 'Aldersgruppe',
    gender: 'Køn',
    n: 'n',
    mean: 'Beskyttelsesandel (gns.)',
    lo: '95 %-interval, nedre',
    hi: '95 %-interval, øvre',
    coverage: 'Dækning',
    risk: 'Risikobelastning (gns.)',
    suppressed: 'Skjult (n < 5)',
    baseline: 'Baseline (gns.)',
    delta: 'Ændring',
    significant: 'Signifikant',
    yes: 'ja',
    no: 'nej',
  },
  en: {
    period: 'Period',
    theme: 'Theme',
    unit: 'Unit',
    district: 'District',
    ageBand: 'Age band',
    gender: 'Gender',
    n: 'n',
    mean: 'Protective share (mean)',
    lo: '95 % interval, lower',
    hi: '95 % interval, upper',
    coverage: 'Coverage',
    risk: 'Risk load (mean)',
    suppressed: 'Hidden (n < 5)',
    baseline: 'Baseline (mean)',
    delta: 'Change',
    significant: 'Significant',
    yes: 'yes',
    no: 'no',
  },
} as const;

/** The same figures as the dashboard, with the same cells hidden: an export never shows more than the screen. */
export async function exportMeasurement(ctx: TCtx, query: TMeasurementExportQuery) {
  const { format, ...rest } = query;
  const result = decodeMeasurement(await findMeasurement(ctx, rest));
  const h = HEADERS[ctx.locale];
  const columns: TColumn<TMeasurementRow>[] = [
    ...result.groupBy.map((d) => ({ header: h[d], value: (r: TMeasurementRow) => r.labels[d] ?? null })),
    { header: h.n, value: (r) => r.summary?.n ?? null },
    { header: h.mean, value: (r) => r.summary?.mean ?? null },
    { header: h.lo, value: (r) => r.summary?.ci95?.[0] ?? null },
    { header: h.hi, value: (r) => r.summary?.ci95?.[1] ?? null },
    { header: h.coverage, value: (r) => r.summary?.coverage ?? null },
    { header: h.risk, value: (r) => r.riskLoad },
    { header: h.suppressed, value: (r) => (r.suppressed ? h.yes : h.no) },
  ];
  if (rest.baselinePeriod) {
    columns.push(
      { header: h.baseline, value: (r) => r.baseline?.mean ?? null },
      { header: h.delta, value: (r) => r.change?.delta ?? null },
      { header: h.significant, value: (r) => (r.change ? (r.change.significant ? h.yes : h.no) : null) },
    );
  }
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'csv') {
    return {
      filename: `maaleparameter-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toCsv(columns, result.rows),
    };
  }
  return {
    filename: `maaleparameter-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(ctx.locale === 'da' ? 'Måleparameter' : 'Measurement', columns, result.rows),
  };
}

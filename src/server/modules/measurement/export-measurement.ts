import { danishDate } from '../../../domain/deadlines/index.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import { decodeMeasurement, type TDecodedRow as TMeasurementRow } from '../../../shared/measurement-wire.ts';
import { periodName } from '../../../shared/period-name.ts';
import type { TCsvStyle } from '../../../shared/schemas/common.ts';
import type { TMeasurementDimension, TMeasurementExportQuery } from '../../../shared/schemas/measurement.ts';
import { defineUseCase } from '../../http/use-case.ts';
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
    hidden: 'Skjult',
    shown: 'nej',
    primary: 'n < 5',
    complementary: 'for at beskytte en anden celle',
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
    hidden: 'Hidden',
    shown: 'no',
    primary: 'n < 5',
    complementary: 'to protect another cell',
    baseline: 'Baseline (mean)',
    delta: 'Change',
    significant: 'Significant',
    yes: 'yes',
    no: 'no',
  },
} as const;

/**
 * Why a cell is hidden, from the visibility code the table gives each cell: its own n is under 5 (primary), or
 * it is hidden so that a small cell cannot be recomputed from it and the totals (complementary; its n may well
 * be 5 or more, so it must not read "n < 5").
 */
function hiddenReason(h: (typeof HEADERS)[TLocale], row: TMeasurementRow): string {
  if (row.suppressed === 'primary') return h.primary;
  return row.suppressed === 'complementary' ? h.complementary : h.shown;
}

/** A figure as a number cell, or empty: never text, so a spreadsheet can sum and sort it. */
const figure = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** The export's columns: the grouping's labels (text), the figures (numbers) and why a cell is hidden. */
export function measurementColumns(
  groupBy: readonly TMeasurementDimension[],
  locale: TLocale,
  withBaseline: boolean,
): TColumn<TMeasurementRow>[] {
  const h = HEADERS[locale];
  const columns: TColumn<TMeasurementRow>[] = [
    ...groupBy.map((d) => ({
      header: h[d],
      value: (r: TMeasurementRow) => {
        const label = r.labels[d] ?? null;
        return d === 'period' && label ? periodName(label, locale) : label;
      },
    })),
    { header: h.n, value: (r) => figure(r.summary?.n) },
    { header: h.mean, value: (r) => figure(r.summary?.mean) },
    { header: h.lo, value: (r) => figure(r.summary?.ci95?.[0]) },
    { header: h.hi, value: (r) => figure(r.summary?.ci95?.[1]) },
    { header: h.coverage, value: (r) => figure(r.summary?.coverage) },
    { header: h.risk, value: (r) => figure(r.riskLoad) },
    { header: h.hidden, value: (r) => hiddenReason(h, r) },
  ];
  if (withBaseline) {
    columns.push(
      { header: h.baseline, value: (r) => figure(r.baseline?.mean) },
      { header: h.delta, value: (r) => figure(r.change?.delta) },
      { header: h.significant, value: (r) => (r.change ? (r.change.significant ? h.yes : h.no) : null) },
    );
  }
  return columns;
}

export interface TExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** The decoded table as a CSV or XLSX file in the user's language. */
export async function writeMeasurementFile(
  format: 'csv' | 'xlsx',
  locale: TLocale,
  table: { groupBy: readonly TMeasurementDimension[]; rows: TMeasurementRow[] },
  withBaseline: boolean,
  csvStyle?: TCsvStyle,
): Promise<TExportFile> {
  const columns = measurementColumns(table.groupBy, locale, withBaseline);
  const stamp = danishDate(new Date());
  if (format === 'csv') {
    return {
      filename: `maaleparameter-${stamp}.csv`,
      contentType: 'text/csv; charset=utf-8',
      body: toCsv(columns, table.rows, csvStyle),
    };
  }
  return {
    filename: `maaleparameter-${stamp}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await toXlsx(locale === 'da' ? 'Måleparameter' : 'Measurement', columns, table.rows),
  };
}

/** The same figures as the dashboard, with the same cells hidden: an export never shows more than the screen. */
export const exportMeasurement = defineUseCase(
  findMeasurement.permission,
  async (ctx, query: TMeasurementExportQuery): Promise<TExportFile> => {
    const { format, csv, ...rest } = query;
    const table = decodeMeasurement(await findMeasurement(ctx, rest));
    return writeMeasurementFile(format, ctx.locale, table, Boolean(rest.baselinePeriod), csv);
  },
);

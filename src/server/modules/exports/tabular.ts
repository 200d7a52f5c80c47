import ExcelJS from 'exceljs';
import type { TCsvStyle } from '../../../shared/schemas/common.ts';

export interface TColumn<R> {
  header: string;
  value: (row: R) => string | number | Date | null;
}

/**
 * CSV with a UTF-8 BOM so Excel opens Danish letters correctly; text cells that start like a formula are
 * defused. Numbers stay numbers (JavaScript's shortest exact form, with the style's decimal mark): a number
 * cannot carry a formula, and a defused "-0.0057" would reach the spreadsheet as text.
 */
export function toCsv<R>(columns: TColumn<R>[], rows: R[], style: TCsvStyle = 'rfc4180'): string {
  const separator = style === 'excel-da' ? ';' : ',';
  const cell = (v: string | number | Date | null): string => {
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return '';
      return style === 'excel-da' ? String(v).replace('.', ',') : String(v);
    }
    let s = v instanceof Date ? v.toISOString() : v;
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n;]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const lines = [columns.map((c) => cell(c.header)).join(separator)];
  for (const row of rows) lines.push(columns.map((c) => cell(c.value(row))).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

export async function toXlsx<R>(sheetName: string, columns: TColumn<R>[], rows: R[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: Math.max(12, c.header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row)));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

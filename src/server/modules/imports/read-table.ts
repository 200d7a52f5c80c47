import ExcelJS from 'exceljs';
import type { TImportFormat } from '../../../shared/schemas/imports.ts';
import { AppError, type TFieldProblem } from '../../http/errors.ts';
import { CsvError, parseCsv } from './csv.ts';

/** A cell as the file holds it: CSV gives text; a workbook also numbers, booleans and dates. */
export type TCell = string | number | boolean | Date | null;

/** A row that is not blank, with its 1-based line (CSV) or row number (XLSX): what the error report names. */
export interface TTableRow {
  line: number;
  cells: TCell[];
}

/** A workbook's parts may unpack to at most this much; a small zip can otherwise unpack to gigabytes. */
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

export function fileProblem(key: TFieldProblem['key'], params?: Record<string, unknown>): AppError {
  return new AppError('IMPORT_MALFORMED', { fields: { content: { key, params } } });
}

function isBlank(cells: readonly TCell[]): boolean {
  return cells.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));
}

/**
 * Text in UTF-8 (with or without a BOM); a file that is not valid UTF-8 is read as Windows-1252, which
 * older Danish Excel versions write. NUL bytes mean a binary file, not text.
 */
function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw fileProblem('field.importNotCsv');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function readCsv(bytes: Buffer): TTableRow[] {
  const text = decodeText(bytes);
  try {
    return parseCsv(text)
      .filter((r) => !isBlank(r.cells))
      .map((r) => ({ line: r.line, cells: r.cells }));
  } catch (error) {
    if (error instanceof CsvError) throw fileProblem('field.importUnclosedQuote', { line: error.line });
    throw error;
  }
}

/**
 * The sizes a zip's central directory declares for its entries, summed; null when the buffer has no
 * readable central directory (then it is no workbook) or uses ZIP64 (no workbook we accept needs it).
 */
export function declaredUnpackedBytes(zip: Buffer): number | null {
  const min = Math.max(0, zip.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = zip.length - 22; i >= min; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

/** exceljs cell values: formulas by their result, rich text and links by their text, errors as their code. */
function cellOf(value: ExcelJS.CellValue): TCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  )
    return value;
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('formula' in value || 'sharedFormula' in value)
      return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<TTableRow[]> {
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw fileProblem('field.importNotXlsx');
  const unpacked = declaredUnpackedBytes(bytes);
  if (unpacked === null) throw fileProblem('field.importNotXlsx');
  if (unpacked > MAX_UNPACKED_BYTES) throw fileProblem('field.importTooLarge');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw fileProblem('field.importNotXlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw fileProblem('field.importEmpty');
  const rows: TTableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    // row.values is 1-based and sparse: index 0 is unused, empty cells are holes.
    const values = row.values as ExcelJS.CellValue[];
    const cells: TCell[] = [];
    for (let i = 1; i < values.length; i++) cells.push(cellOf(values[i] ?? null));
    if (!isBlank(cells)) rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** The non-blank rows of a CSV file or of a workbook's first sheet; a file that is neither is refused. */
export async function readTable(format: TImportFormat, bytes: Buffer): Promise<TTableRow[]> {
  if (bytes.length === 0) throw fileProblem('field.importEmpty');
  const rows = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes);
  if (rows.length === 0) throw fileProblem('field.importEmpty');
  return rows;
}

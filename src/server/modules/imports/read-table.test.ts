import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { AppError } from '../../http/errors.ts';
import { declaredUnpackedBytes, readTable } from './read-table.ts';

async function workbook(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Ark1');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function problemOf(promise: Promise<unknown>): Promise<string | undefined> {
  const error = (await promise.then(
    () => undefined,
    (e: unknown) => e,
  )) as AppError | undefined;
  return error?.options.fields?.content?.key;
}

describe('readTable', () => {
  it('reads a workbook’s first sheet: numbers, dates, formulas by their result, rich text; blank rows left out', async () => {
    const file = await workbook([
      ['cpr', 'date', 'position'],
      [],
      [101204999, new Date('2026-03-01T00:00:00Z'), { richText: [{ text: 'gr' }, { text: 'øn' }] }],
      ['010120-4999', '01-03-2026', { formula: '"g"&"ul"', result: 'gul' }],
    ]);
    const rows = await readTable('xlsx', file);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(rows[1]?.cells).toEqual([101204999, new Date('2026-03-01T00:00:00Z'), 'grøn']);
    expect(rows[2]?.cells).toEqual(['010120-4999', '01-03-2026', 'gul']);
  });

  it('reads UTF-8 with a BOM and Windows-1252 alike', async () => {
    const utf8 = await readTable('csv', Buffer.from('\uFEFFcpr;position\r\n1;grøn\r\n', 'utf8'));
    const ansi = await readTable('csv', Buffer.from('cpr;position\r\n1;grøn\r\n', 'latin1'));
    expect(utf8).toEqual(ansi);
    expect(utf8[1]?.cells).toEqual(['1', 'grøn']);
  });

  it('refuses a workbook whose parts claim to unpack to more than 100 MB', async () => {
    const file = await workbook([['cpr', 'date', 'position']]);
    expect(declaredUnpackedBytes(file)).toBeGreaterThan(0);
    // Make the first central-directory entry claim 200 MB.
    const central = file.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    file.writeUInt32LE(200 * 1024 * 1024, central + 24);
    expect(await problemOf(readTable('xlsx', file))).toBe('field.importTooLarge');
  });

  it.each([
    ['csv', Buffer.alloc(0), 'field.importEmpty'],
    ['csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'field.importNotCsv'],
    ['xlsx', Buffer.from('cpr;date;position\r\n'), 'field.importNotXlsx'],
    ['xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00]), 'field.importNotXlsx'],
  ] as const)('refuses a %s file that is not one (%#)', async (format, bytes, key) => {
    expect(await problemOf(readTable(format, bytes))).toBe(key);
  });
});

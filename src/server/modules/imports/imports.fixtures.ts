import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { TSession, TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { formatCpr } from '../../../domain/cpr.ts';

/** Test helpers for imports: CPR numbers of test children, files as the other tool would write them. */

export async function cprOf(t: TTestApp, childId: string): Promise<string> {
  const { rows } = await t.db.pool.query('SELECT cpr_encrypted FROM children WHERE id = $1', [childId]);
  return formatCpr(t.cipher.decrypt(rows[0].cpr_encrypted));
}

/** Semicolon-separated with CRLF, as Danish Excel saves CSV. */
export function csvOf(rows: (string | number)[][], delimiter = ';'): Buffer {
  return Buffer.from(`${rows.map((r) => r.join(delimiter)).join('\r\n')}\r\n`, 'utf8');
}

export async function xlsxOf(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Vurderinger');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `dd-mm-yyyy` from an ISO date. */
export function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

export function postImport(
  t: TTestApp,
  session: TSession,
  body: { roundId: string; format?: 'csv' | 'xlsx'; file: Buffer; fileName?: string },
  wait = true,
): Promise<LightMyRequestResponse> {
  const format = body.format ?? 'csv';
  return t.as(session, 'POST', `/api/v1/assessment-imports${wait ? '?wait=true' : ''}`, {
    roundId: body.roundId,
    format,
    fileName: body.fileName ?? `vurderinger.${format}`,
    content: body.file.toString('base64'),
    mode: 'joint',
  });
}

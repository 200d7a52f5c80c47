import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { decodeMeasurement, type TDecodedRow } from '../../../shared/measurement-wire.ts';
import { readCsv, readXlsx } from './read-export-file.ts';

let t: TTestApp;
let analyst: TSession;
let query: string;

const NUMBER_TOKEN = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;

/** As the analyst, in a language chosen with the UI's switch (the locale cookie). */
function get(url: string, locale: 'da' | 'en') {
  return t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: `${analyst.cookie}; beskyt_lang=${locale}` },
  });
}

beforeAll(async () => {
  t = await startTestApp();
  analyst = await t.login('analyst@demo.beskyt.test');
  // The demo's two closed rounds: the later one against the earlier one as baseline, so changes go both ways.
  const periods = decodeMeasurement((await get('/api/v1/measurement?groupBy=period', 'da')).json())
    .rows.map((r) => r.keys.period as string)
    .sort();
  expect(periods.length).toBeGreaterThanOrEqual(2);
  query = `groupBy=theme,ageBand&periods=${periods.at(-1)}&baselinePeriod=${periods.at(-2)}`;
});
afterAll(() => t.close());

const REASONS = {
  da: { header: 'Skjult', primary: 'n < 5', complementary: 'for at beskytte en anden celle', shown: 'nej' },
  en: { header: 'Hidden', primary: 'n < 5', complementary: 'to protect another cell', shown: 'no' },
};
const reason = (locale: 'da' | 'en', r: TDecodedRow) => REASONS[locale][r.suppressed ?? 'shown'];

describe('the measurement export on the demo data', () => {
  for (const locale of ['da', 'en'] as const) {
    it(`gives the screen's figures as numbers and says why each hidden cell is hidden (CSV, ${locale})`, async () => {
      const screen = decodeMeasurement((await get(`/api/v1/measurement?${query}`, locale)).json()).rows;
      const res = await get(`/api/v1/measurement/export?${query}&format=csv`, locale);
      expect(res.statusCode, res.body).toBe(200);
      const [header, ...rows] = readCsv(res.body);
      // theme, age band, n, mean, lo, hi, coverage, risk, hidden, baseline, change, significant
      expect(header?.[8]?.text).toBe(REASONS[locale].header);
      expect(rows).toHaveLength(screen.length);
      // On the demo data this table has both kinds of hidden cells (7 of each today); the suppression itself
      // is another file's business, so only the primary ones, which any design keeps, are required here.
      expect(screen.some((r) => r.suppressed === 'primary')).toBe(true);
      for (const [i, r] of screen.entries()) {
        const cells = rows[i] ?? [];
        expect(cells[8]?.text).toBe(reason(locale, r));
        if (!r.summary) {
          expect(cells[2]?.text).toBe('');
          continue;
        }
        expect(cells[2]).toEqual({ text: String(r.summary.n), quoted: false });
        const delta = r.change?.delta;
        if (delta !== null && delta !== undefined) {
          expect(cells[10]?.quoted).toBe(false);
          expect(cells[10]?.text).toMatch(NUMBER_TOKEN);
          expect(Number(cells[10]?.text)).toBe(delta);
        }
      }
      const negatives = rows.filter((cells) => cells[10]?.text.startsWith('-'));
      expect(negatives.length).toBeGreaterThan(0);
      expect(rows.some((cells) => cells.some((c) => c.text.startsWith("'")))).toBe(false);
    });
  }

  it('writes a CSV that opens as a table in Danish Excel: semicolons, decimal commas, Danish period names', async () => {
    const screen = decodeMeasurement((await get('/api/v1/measurement?groupBy=period', 'da')).json()).rows;
    const res = await get('/api/v1/measurement/export?groupBy=period&format=csv&csv=excel-da', 'da');
    expect(res.statusCode, res.body).toBe(200);
    const [header, ...rows] = readCsv(res.body, ';');
    expect(header?.map((c) => c.text).slice(0, 3)).toEqual(['Periode', 'n', 'Beskyttelsesandel (gns.)']);
    expect(rows).toHaveLength(screen.length);
    for (const [i, r] of screen.entries()) {
      const [period, n, mean] = rows[i] ?? [];
      expect(period?.text).toMatch(/^[12]\. halvår \d{4}$/);
      if (!r.summary) continue;
      expect(n?.text).toBe(String(r.summary.n));
      expect(mean?.quoted).toBe(false);
      expect(Number(mean?.text.replace(',', '.'))).toBe(r.summary.mean);
      if (r.summary.mean !== null && !Number.isInteger(r.summary.mean)) expect(mean?.text).toContain(',');
    }
  });

  it('refuses an unknown CSV style, naming it', async () => {
    const res = await get('/api/v1/measurement/export?groupBy=period&format=csv&csv=excel', 'da');
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('csv');
  });

  it('writes number cells and the reason a cell is hidden in the workbook', async () => {
    const screen = decodeMeasurement((await get(`/api/v1/measurement?${query}`, 'en')).json()).rows;
    const res = await get(`/api/v1/measurement/export?${query}&format=xlsx`, 'en');
    expect(res.statusCode).toBe(200);
    const [header, ...rows] = await readXlsx(res.rawPayload);
    expect(header?.getCell(9).value).toBe('Hidden');
    expect(rows).toHaveLength(screen.length);
    for (const [i, r] of screen.entries()) {
      const row = rows[i];
      expect(row?.getCell(9).value).toBe(reason('en', r));
      if (r.summary) {
        expect(row?.getCell(3).type).toBe(ExcelJS.ValueType.Number);
        expect(row?.getCell(3).value).toBe(r.summary.n);
      }
      if (typeof r.change?.delta === 'number') {
        expect(row?.getCell(11).type).toBe(ExcelJS.ValueType.Number);
        expect(row?.getCell(11).value).toBe(r.change.delta);
      }
    }
  });
});

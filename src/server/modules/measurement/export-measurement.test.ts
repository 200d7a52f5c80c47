import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TDecodedRow } from '../../../shared/measurement-wire.ts';
import { writeMeasurementFile } from './export-measurement.ts';
import { readCsv, readXlsx } from './read-export-file.ts';

const FORMULA_START = ['=', '+', '-', '@', '\t', '\r'];
const NUMBER_TOKEN = /^-?\d+(\.\d+)?(e[+-]\d+)?$/;

/** Text as unit and theme names come: any printable text, with the characters CSV must quote mixed in. */
const anyText = fc
  .array(
    fc.oneof(fc.string({ unit: 'grapheme' }), fc.constantFrom(',', '"', ';', '\r\n', '\n', "'", '=', '-')),
  )
  .map((parts) => parts.join(''));
const formulaLabel = fc.tuple(fc.constantFrom(...FORMULA_START), anyText).map(([c, rest]) => c + rest);
const plainLabel = anyText.filter((s) => s.length > 0 && !FORMULA_START.includes(s[0] as string));
const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

const FIGURES = ['n', 'mean', 'lo', 'hi', 'coverage', 'riskLoad', 'baseline', 'delta'] as const;
type TFigures = Record<(typeof FIGURES)[number], number>;

function shownRow(unit: string, theme: string, f: TFigures): TDecodedRow {
  return {
    keys: { unit: 'u', theme: 't' },
    labels: { unit, theme },
    summary: { n: f.n, mean: f.mean, ci95: [f.lo, f.hi], coverage: f.coverage },
    riskLoad: f.riskLoad,
    suppressed: null,
    baseline: { n: 7, mean: f.baseline, ci95: null, coverage: null },
    change: { delta: f.delta, significant: true },
  };
}

const figures = fc.record({
  n: fc.nat(),
  mean: finite,
  lo: finite,
  hi: finite,
  coverage: finite,
  riskLoad: finite,
  baseline: finite,
  delta: finite,
});

// Columns: unit, theme, then the figures in FIGURES order with "hidden" after riskLoad.
const FIGURE_COLUMN: Record<(typeof FIGURES)[number], number> = {
  n: 2,
  mean: 3,
  lo: 4,
  hi: 5,
  coverage: 6,
  riskLoad: 7,
  baseline: 9,
  delta: 10,
};

describe('the measurement export', () => {
  it('defuses a label that starts like a formula and writes every finite figure as a number (CSV)', async () => {
    await fc.assert(
      fc.asyncProperty(formulaLabel, plainLabel, figures, async (unit, theme, f) => {
        const file = await writeMeasurementFile(
          'csv',
          'da',
          { groupBy: ['unit', 'theme'], rows: [shownRow(unit, theme, f)] },
          true,
        );
        const [header, row, ...rest] = readCsv(file.body as string);
        expect(rest).toEqual([]);
        expect(header?.length).toBe(12);
        const cells = row ?? [];
        expect(cells[0]?.text).toBe(`'${unit}`);
        expect(cells[1]?.text).toBe(theme);
        for (const key of FIGURES) {
          const cell = cells[FIGURE_COLUMN[key]];
          expect(cell?.quoted, key).toBe(false);
          expect(cell?.text, key).toMatch(NUMBER_TOKEN);
          expect(Number(cell?.text) === f[key], `${key}: ${cell?.text} for ${f[key]}`).toBe(true);
        }
      }),
    );
  });

  it('keeps labels as text cells and figures as number cells (XLSX)', async () => {
    await fc.assert(
      fc.asyncProperty(formulaLabel, figures, async (unit, f) => {
        const file = await writeMeasurementFile(
          'xlsx',
          'en',
          { groupBy: ['unit', 'theme'], rows: [shownRow(unit, 'Tryghed', f)] },
          true,
        );
        const [, row] = await readXlsx(file.body);
        const label = row?.getCell(1);
        expect(label?.type).toBe(ExcelJS.ValueType.String);
        expect(label?.formula).toBeUndefined();
        // XML keeps a line break but not a bare carriage return.
        expect(String(label?.value)).toBe(unit.replaceAll('\r\n', '\n').replaceAll('\r', '\n'));
        for (const key of FIGURES) {
          const cell = row?.getCell(FIGURE_COLUMN[key] + 1);
          expect(cell?.type, key).toBe(ExcelJS.ValueType.Number);
          expect(cell?.value === f[key], `${key}: ${cell?.value} for ${f[key]}`).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('writes a negative change as a number, not as defused text', async () => {
    const row = shownRow('Skole A', 'Alle', {
      n: 12,
      mean: 0.61,
      lo: 0.5,
      hi: 0.72,
      coverage: 0.9,
      riskLoad: 0.2,
      baseline: 0.6157,
      delta: -0.0057,
    });
    const file = await writeMeasurementFile('csv', 'da', { groupBy: ['unit', 'theme'], rows: [row] }, true);
    const lines = (file.body as string).split('\r\n');
    expect(lines[1]).toBe('Skole A,Alle,12,0.61,0.5,0.72,0.9,0.2,nej,0.6157,-0.0057,ja');
  });

  it('says why a cell is hidden: its own n under 5, or to protect another cell', async () => {
    const hidden = (suppressed: TDecodedRow['suppressed']): TDecodedRow => ({
      keys: { unit: 'u' },
      labels: { unit: 'Skole' },
      summary: null,
      riskLoad: null,
      suppressed,
    });
    const rows = [hidden('primary'), hidden('complementary'), hidden(null)];
    const expected = {
      da: ['Skjult', 'n < 5', 'for at beskytte en anden celle', 'nej'],
      en: ['Hidden', 'n < 5', 'to protect another cell', 'no'],
    };
    for (const locale of ['da', 'en'] as const) {
      const csv = readCsv(
        (await writeMeasurementFile('csv', locale, { groupBy: ['unit'], rows }, false)).body as string,
      );
      expect(csv.map((r) => r.at(-1)?.text)).toEqual(expected[locale]);
      // A hidden cell has no figures at all, not even its n.
      expect(csv[2]?.slice(1, -1).map((c) => c.text)).toEqual(['', '', '', '', '', '']);
      const xlsx = await readXlsx(
        (await writeMeasurementFile('xlsx', locale, { groupBy: ['unit'], rows }, false)).body,
      );
      expect(xlsx.map((r) => r.getCell(8).value)).toEqual(expected[locale]);
    }
  });
});

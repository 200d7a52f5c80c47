import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TColumn, toCsv, toXlsx } from './tabular.ts';

type Row = { name: string; n: number };
const columns: TColumn<Row>[] = [
  { header: 'Navn', value: (r) => r.name },
  { header: 'Antal', value: (r) => r.n },
];

function parseCsvLine(line: string, separator = ','): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === separator) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

describe('toCsv', () => {
  it('keeps Danish letters and quotes commas', () => {
    expect(toCsv(columns, [{ name: 'Søren, Æbelø', n: 2 }])).toBe('\uFEFFNavn,Antal\r\n"Søren, Æbelø",2\r\n');
  });

  it('defuses cells that a spreadsheet would run as a formula', () => {
    expect(toCsv(columns, [{ name: '=HYPERLINK("x")', n: 1 }])).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('round-trips any single-line text', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[\r\n]/.test(s) && !/^[=+\-@\t]/.test(s)),
        (name) => {
          const body =
            toCsv(columns, [{ name, n: 1 }])
              .slice(1)
              .split('\r\n')[1] ?? '';
          expect(parseCsvLine(body)[0]).toBe(name);
        },
      ),
    );
  });
});

describe('toCsv for Danish Excel', () => {
  it('separates cells with semicolons and writes decimal commas, negative numbers as numbers', () => {
    expect(toCsv(columns, [{ name: 'Søren; Æbelø', n: -0.0057 }], 'excel-da')).toBe(
      '\uFEFFNavn;Antal\r\n"Søren; Æbelø";-0,0057\r\n',
    );
  });

  it('gives back every number and single-line text as Danish Excel reads them', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !/[\r\n]/.test(s) && !/^[=+\-@\t]/.test(s)),
        fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }),
        (name, n) => {
          const line = toCsv(columns, [{ name, n }], 'excel-da').split('\r\n')[1] ?? '';
          const [text, number] = parseCsvLine(line, ';');
          expect(text).toBe(name);
          expect(Number((number ?? '').replace(',', '.'))).toBe(n === 0 ? 0 : n);
        },
      ),
    );
  });
});

describe('toXlsx', () => {
  it('writes a workbook Excel can read back', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await toXlsx('Log', columns, [{ name: 'Åse', n: 3 }])) as unknown as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Log');
    expect(sheet?.getRow(2).values).toEqual([undefined, 'Åse', 3]);
  });
});

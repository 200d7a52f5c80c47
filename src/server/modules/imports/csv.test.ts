import { describe, expect, it } from 'vitest';
import { CsvError, detectDelimiter, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it.each([
    [
      'semicolons, CRLF',
      'a;b\r\n1;2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'commas, LF, no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'tabs, CR',
      'a\tb\r1\t2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'quoted delimiter and doubled quote',
      'a;b\r\n"x;y";"say ""hi"""\r\n',
      [
        ['a', 'b'],
        ['x;y', 'say "hi"'],
      ],
    ],
    [
      'a quote inside an unquoted cell is literal',
      'a;b\n5" tall;2\n',
      [
        ['a', 'b'],
        ['5" tall', '2'],
      ],
    ],
    [
      'empty cells',
      'a;b;c\n;;\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
  ])('reads %s', (_name, text, cells) => {
    expect(parseCsv(text).map((r) => r.cells)).toEqual(cells);
  });

  it('numbers records by the line they start on, also after a cell spanning lines', () => {
    const records = parseCsv('a;b\r\n"two\r\nlines";x\r\n\r\nlast;y\r\n');
    expect(records.map((r) => [r.line, r.cells])).toEqual([
      [1, ['a', 'b']],
      [2, ['two\r\nlines', 'x']],
      [4, ['']],
      [5, ['last', 'y']],
    ]);
  });

  it('names the line of a quotation mark that is never closed', () => {
    expect(() => parseCsv('a;b\n1;2\n"open;3\n4;5\n')).toThrow(new CsvError(3));
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['cpr;date;position', ';'],
    ['cpr,date,position', ','],
    ['cpr\tdate\tposition', '\t'],
    ['"a;b",c,d', ','],
    ['\r\n\r\ncpr;date', ';'],
    ['cpr', ','],
  ])('finds the delimiter of %j', (text, delimiter) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });
});

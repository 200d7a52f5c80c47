import ExcelJS from 'exceljs';

// Test helpers: an export read back as a spreadsheet would, without trusting the writer's own code.

/** An RFC 4180 reader that keeps whether a field was quoted: a number must arrive as a bare token. */
export function readCsv(body: string, separator = ','): { text: string; quoted: boolean }[][] {
  if (!body.startsWith('\uFEFF')) throw new Error('no byte order mark');
  const s = body.slice(1);
  const records: { text: string; quoted: boolean }[][] = [];
  let record: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < s.length) {
    let text = '';
    let quoted = false;
    if (s[i] === '"') {
      quoted = true;
      i++;
      for (;;) {
        if (i >= s.length) throw new Error('unterminated quoted field');
        if (s[i] === '"' && s[i + 1] === '"') {
          text += '"';
          i += 2;
        } else if (s[i] === '"') {
          i++;
          break;
        } else text += s[i++];
      }
    } else {
      while (i < s.length && s[i] !== separator && !s.startsWith('\r\n', i)) text += s[i++];
    }
    record.push({ text, quoted });
    if (s[i] === separator) i++;
    else if (s.startsWith('\r\n', i)) {
      records.push(record);
      record = [];
      i += 2;
    } else if (i < s.length) throw new Error(`stray character at ${i}`);
  }
  if (record.length > 0) throw new Error('the last record does not end with CRLF');
  return records;
}

export async function readXlsx(body: string | Buffer): Promise<ExcelJS.Row[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => rows.push(row));
  return rows;
}

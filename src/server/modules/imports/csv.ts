/** A CSV record and the 1-based line of the file it starts on (a quoted cell may span lines). */
export interface TCsvRecord {
  line: number;
  cells: string[];
}

export class CsvError extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote on line ${line}`);
  }
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of the heading line: Danish Excel writes semicolons, most tools commas. The one that
 * occurs most often outside quotes wins; a file of one column has none and reads as comma-separated.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  // The heading is the first line with anything on it; blank lines before it are skipped.
  const start = text.search(/[^\r\n]/);
  for (const ch of start < 0 ? '' : text.slice(start)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * RFC 4180: cells in double quotes may hold delimiters, line breaks and doubled quotes; CRLF, LF and CR
 * all end a record. A quote inside an unquoted cell is taken literally; a quote never closed is an error
 * naming the line it opened on.
 */
export function parseCsv(text: string, delimiter = detectDelimiter(text)): TCsvRecord[] {
  const records: TCsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let quoted = false;
  let atCellStart = true;
  const endCell = () => {
    cells.push(cell);
    cell = '';
    atCellStart = true;
  };
  const endRecord = () => {
    endCell();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      quoteLine = line;
      atCellStart = false;
    } else if (ch === delimiter) {
      endCell();
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      atCellStart = false;
    }
  }
  if (quoted) throw new CsvError(quoteLine);
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}

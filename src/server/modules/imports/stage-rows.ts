import type { TPosition } from '../../../shared/schemas/assessments.ts';
import { MAX_IMPORT_ROWS } from '../../../shared/schemas/imports.ts';
import { AppError, type TFieldProblem, type TRowProblem } from '../../http/errors.ts';
import { cprOf, dateOf, factorStateOf, positionOf } from './import-cells.ts';
import { fileProblem, type TCell, type TTableRow } from './read-table.ts';

export type TImportLayout = 'position' | 'factors';

/** A factor state as one character of a staged row's `states`: present, absent, not known, unreadable. */
export const STATE_CHAR = { present: 'p', absent: 'a', unknown: 'u' } as const;
const UNREADABLE = '?';

/** At most this many problems are kept per row; the rest are counted. */
const PROBLEMS_PER_ROW = 5;

export type TCellProblem = Omit<TRowProblem, 'row'>;

/**
 * A data row read as far as the file alone allows, waiting for the checks that need the database. The
 * CPR number is kept only as its keyed look-up hash (hex): staged rows rest in the database while the
 * job waits, and CPR numbers are never stored in clear (decision 007).
 */
export interface TStagedRow {
  line: number;
  cprHash: string | null;
  date: string | null;
  position: TPosition | null;
  /** One character per factor column (STATE_CHAR); empty for the green/yellow/red layout. */
  states: string;
  problems: TCellProblem[];
  /** Problems of the row beyond PROBLEMS_PER_ROW. */
  more: number;
}

export interface TStagedImport {
  layout: TImportLayout;
  /** Factor codes, in the file's column order. */
  factorCodes: string[];
  rows: TStagedRow[];
}

export interface TCatalogueCodes {
  version: number;
  codes: ReadonlySet<string>;
  /** Codes found only in other versions of the municipality's catalogue. */
  elsewhere: ReadonlySet<string>;
}

const REQUIRED = ['cpr', 'date', 'position'] as const;
type TRequired = (typeof REQUIRED)[number];

interface THeader {
  required: Record<TRequired, number>;
  factors: { code: string; index: number }[];
}

function headingOf(cell: TCell | undefined): string {
  return cell === null || cell === undefined
    ? ''
    : String(cell)
        .replace(/^\uFEFF/, '')
        .trim();
}

function headerProblems(problems: TRowProblem[]): AppError {
  return new AppError('IMPORT_MALFORMED', { rows: problems });
}

/**
 * The heading row names the columns: `cpr`, `date` and `position` (any case, any order), then — for the
 * factor layout — one column per factor code of the round's catalogue version. A column the version does
 * not know refuses the whole file, naming it; so does a missing or doubled column. An unnamed column is
 * ignored when it is empty (spreadsheets often carry one).
 */
function readHeader(heading: TTableRow, body: readonly TTableRow[], catalogue: TCatalogueCodes): THeader {
  const names = heading.cells.map(headingOf);
  if (!names.some((n) => (REQUIRED as readonly string[]).includes(n.toLowerCase())))
    throw fileProblem('field.importNoHeader');
  const problems: TRowProblem[] = [];
  const seen = new Set<string>();
  const required: Partial<Record<TRequired, number>> = {};
  const factors: THeader['factors'] = [];
  const problem = (field: string, key: TFieldProblem['key'], params?: Record<string, unknown>) =>
    problems.push({ row: heading.line, field, key, params });
  for (const [index, name] of names.entries()) {
    if (name === '') {
      const used = body.some((r) => headingOf(r.cells[index]) !== '');
      if (used) problem(`${index + 1}`, 'field.importUnnamedColumn', { column: index + 1 });
      continue;
    }
    const lower = name.toLowerCase();
    const key = (REQUIRED as readonly string[]).includes(lower) ? lower : name.toUpperCase();
    if (seen.has(key)) {
      problem(name, 'field.importDuplicateColumn', { column: name });
      continue;
    }
    seen.add(key);
    if ((REQUIRED as readonly string[]).includes(key)) required[key as TRequired] = index;
    else if (catalogue.codes.has(key)) factors.push({ code: key, index });
    else if (catalogue.elsewhere.has(key))
      problem(name, 'field.factorOtherVersion', { code: name, version: catalogue.version });
    else problem(name, 'field.unknownFactor', { code: name });
  }
  for (const column of REQUIRED)
    if (required[column] === undefined) problem(column, 'field.importMissingColumn', { column });
  if (problems.length > 0) throw headerProblems(problems);
  return { required: required as Record<TRequired, number>, factors };
}

function stageRow(
  row: TTableRow,
  header: THeader,
  hash: (cpr: string) => Buffer,
  firstLineOf: Map<string, number>,
): TStagedRow {
  const problems: TCellProblem[] = [];
  const cell = (index: number): TCell => row.cells[index] ?? null;
  const cpr = cprOf(cell(header.required.cpr));
  const date = dateOf(cell(header.required.date));
  const position = positionOf(cell(header.required.position));
  let cprHash: string | null = null;
  if (cpr === null) problems.push({ field: 'cpr', key: 'field.required' });
  else if (cpr === undefined) problems.push({ field: 'cpr', key: 'field.invalidCpr' });
  else {
    const first = firstLineOf.get(cpr);
    // A repeated child is reported once, on its later row, and not looked up again.
    if (first !== undefined)
      problems.push({ field: 'cpr', key: 'field.importDuplicateChild', params: { row: first } });
    else {
      firstLineOf.set(cpr, row.line);
      cprHash = hash(cpr).toString('hex');
    }
  }
  if (date === null) problems.push({ field: 'date', key: 'field.required' });
  else if (date === undefined) problems.push({ field: 'date', key: 'field.importDate' });
  if (position === null) problems.push({ field: 'position', key: 'field.required' });
  else if (position === undefined) problems.push({ field: 'position', key: 'field.importPosition' });
  let states = '';
  for (const { code, index } of header.factors) {
    const state = factorStateOf(cell(index));
    if (state === undefined) problems.push({ field: code, key: 'field.importFactorState' });
    states += state ? STATE_CHAR[state] : UNREADABLE;
  }
  return {
    line: row.line,
    cprHash,
    date: date ?? null,
    position: position ?? null,
    states,
    problems: problems.slice(0, PROBLEMS_PER_ROW),
    more: Math.max(0, problems.length - PROBLEMS_PER_ROW),
  };
}

/**
 * Reads the rows of a file against the round's catalogue version: the heading decides the layout and is
 * checked whole (a bad heading refuses the file); each data row is read cell by cell, its problems kept
 * with it for the report, so one answer names every problem the file alone reveals.
 */
export function stageRows(
  table: readonly TTableRow[],
  catalogue: TCatalogueCodes,
  hash: (cpr: string) => Buffer,
): TStagedImport {
  const [heading, ...body] = table;
  if (!heading) throw fileProblem('field.importEmpty');
  if (body.length > MAX_IMPORT_ROWS)
    throw fileProblem('field.importTooManyRows', { rows: body.length, max: MAX_IMPORT_ROWS });
  const header = readHeader(heading, body, catalogue);
  if (body.length === 0) throw fileProblem('field.importNoRows');
  const firstLineOf = new Map<string, number>();
  return {
    layout: header.factors.length > 0 ? 'factors' : 'position',
    factorCodes: header.factors.map((f) => f.code),
    rows: body.map((row) => stageRow(row, header, hash, firstLineOf)),
  };
}

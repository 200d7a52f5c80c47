import { parseCpr } from '../../../domain/cpr.ts';
import type { TFactorStateValue, TPosition } from '../../../shared/schemas/assessments.ts';
import type { TCell } from './read-table.ts';

/**
 * Reading one cell of an imported file. Each function answers the value, `null` for a blank cell, or
 * `undefined` when the cell holds something else.
 */

function text(cell: TCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString();
  return String(cell).trim().replace(/\s+/g, ' ');
}

/**
 * `ddmmyyxxxx` from `ddmmyy-xxxx` or `ddmmyyxxxx`. A workbook may hold the number as a number, which loses
 * the leading zero of a child born on the 1st–9th; it is put back.
 */
export function cprOf(cell: TCell): string | null | undefined {
  let s = text(cell);
  if (s === '') return null;
  if (typeof cell === 'number' && Number.isInteger(cell) && cell >= 0 && cell < 1e10)
    s = String(cell).padStart(10, '0');
  return parseCpr(s) ? s.replace('-', '') : undefined;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `yyyy-mm-dd` from `yyyy-mm-dd`, `dd-mm-yyyy` (also with `.` or `/`), or a workbook date (kept in UTC). */
export function dateOf(cell: TCell): string | null | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  const s = text(cell);
  if (s === '') return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const danish = /^(\d{1,2})([-./])(\d{1,2})\2(\d{4})$/.exec(s);
  if (danish) return isoDate(Number(danish[4]), Number(danish[3]), Number(danish[1]));
  return undefined;
}

const POSITION_WORDS: Record<string, TPosition> = {
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  grøn: 'green',
  gul: 'yellow',
  rød: 'red',
};

export function positionOf(cell: TCell): TPosition | null | undefined {
  const s = text(cell).toLowerCase();
  if (s === '') return null;
  return POSITION_WORDS[s];
}

const STATE_WORDS: Record<string, TFactorStateValue> = {
  present: 'present',
  absent: 'absent',
  unknown: 'unknown',
  'til stede': 'present',
  'ikke til stede': 'absent',
  'ved ikke': 'unknown',
  '1': 'present',
  '0': 'absent',
  true: 'present',
  false: 'absent',
};

/** A blank factor cell is not known, like a factor left out of an assessment. */
export function factorStateOf(cell: TCell): TFactorStateValue | undefined {
  const s = text(cell).toLowerCase();
  if (s === '') return 'unknown';
  return STATE_WORDS[s];
}

import { isCpr } from './cpr.ts';

/** What a free-text child search means: a CPR number, a birth date, or name words. */
export type TSearchTerm =
  | { kind: 'all' }
  | { kind: 'cpr'; cpr: string }
  | { kind: 'birthDate'; date: string }
  | { kind: 'name'; words: string[] }
  | { kind: 'invalidCpr' };

const DANISH_DATE = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDate(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

export function parseSearchTerm(input: string | undefined): TSearchTerm {
  const text = (input ?? '').trim();
  if (text === '') return { kind: 'all' };
  if (/^\d{6}-?\d{4}$/.test(text)) return isCpr(text) ? { kind: 'cpr', cpr: text } : { kind: 'invalidCpr' };
  const dk = DANISH_DATE.exec(text);
  if (dk) {
    const date = validDate(Number(dk[3]), Number(dk[2]), Number(dk[1]));
    if (date) return { kind: 'birthDate', date };
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const date = validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (date) return { kind: 'birthDate', date };
  }
  const words = text
    .split(/\s+/)
    .map((w) => w.replace(/[%_\\]/g, ''))
    .filter((w) => w.length > 0)
    .slice(0, 5);
  return words.length ? { kind: 'name', words } : { kind: 'all' };
}

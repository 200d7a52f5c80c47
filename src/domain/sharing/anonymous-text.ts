import { isCpr } from '../cpr.ts';

/**
 * An anonymous concern or consultation must not identify the child. A CPR number is refused outright; a
 * name-like pattern (two or more capitalised words in a row, e.g. "Emma Hansen") is only warned about,
 * because ordinary text can look like it. The one home of this check (concerns re-export it).
 */
// Ten digits, optionally with a dash or space after the sixth, not part of a longer run of digits.
const CPR_CANDIDATE = /(?<!\d)(\d{6})[-\s]?(\d{4})(?!\d)/g;
const NAME_LIKE = /(?<![\p{L}])\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)+(?![\p{L}])/gu;

/** The CPR numbers in a free text (valid dates only, so an order number rarely trips it). */
export function findCprNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CPR_CANDIDATE)) {
    const candidate = `${m[1]}-${m[2]}`;
    if (isCpr(candidate)) found.push(candidate);
  }
  return found;
}

export function containsCpr(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

export function findNameLike(text: string): string[] {
  return [...text.matchAll(NAME_LIKE)].map((m) => m[0]);
}

export interface TAnonymityCheck {
  cpr: boolean;
  nameLike: string[];
}

export function checkAnonymous(text: string): TAnonymityCheck {
  return { cpr: containsCpr(text), nameLike: findNameLike(text) };
}

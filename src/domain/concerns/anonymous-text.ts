import { isCpr } from '../cpr.ts';

// Ten digits, optionally with a dash or space after the sixth, not part of a longer run of digits.
const CANDIDATE = /(?<!\d)(\d{6})[-\s]?(\d{4})(?!\d)/g;

/**
 * The CPR numbers in a free text (valid dates only, so an order number rarely trips it). An anonymous
 * concern or consultation must not carry one.
 */
export function findCprNumbers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const candidate = `${m[1]}-${m[2]}`;
    if (isCpr(candidate)) found.push(candidate);
  }
  return found;
}

export function containsCpr(text: string): boolean {
  return findCprNumbers(text).length > 0;
}

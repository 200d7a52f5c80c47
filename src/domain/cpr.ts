/**
 * Danish CPR numbers: ddmmyy-sssg. The 7th digit and the two-digit year give the century
 * (CPR-kontoret's table); the last digit is odd for men and even for women. Since 2007 numbers
 * need not pass the modulus-11 check, so it is not required.
 */
export interface TCprFacts {
  birthDate: string;
  gender: 'female' | 'male';
}

const CPR_PATTERN = /^(\d{2})(\d{2})(\d{2})-?(\d)(\d{2})(\d)$/;

export function centuryFor(seventhDigit: number, yy: number): number {
  if (seventhDigit <= 3) return 1900;
  if (seventhDigit === 4 || seventhDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

export function parseCpr(input: string): TCprFacts | null {
  const m = CPR_PATTERN.exec(input.trim());
  if (!m) return null;
  const [, dd, mm, yy, seventh, , last] = m as unknown as string[];
  const year = centuryFor(Number(seventh), Number(yy)) + Number(yy);
  const month = Number(mm);
  const day = Number(dd);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return {
    birthDate: `${year}-${mm}-${dd}`,
    gender: Number(last) % 2 === 1 ? 'male' : 'female',
  };
}

export function isCpr(input: string): boolean {
  return parseCpr(input) !== null;
}

/** Formats to the display form ddmmyy-xxxx. */
export function formatCpr(input: string): string {
  const digits = input.replace('-', '');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

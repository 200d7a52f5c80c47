/** Age bands for roll-ups; they follow the stages of daycare, school and youth. */
export const AGE_BANDS = ['0-2', '3-5', '6-9', '10-12', '13-15', '16-17'] as const;
export type TAgeBand = (typeof AGE_BANDS)[number];

const UPPER_AGE: Record<TAgeBand, number> = {
  '0-2': 2,
  '3-5': 5,
  '6-9': 9,
  '10-12': 12,
  '13-15': 15,
  '16-17': 17,
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDate(input: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(input);
  const [year, month, day] = (m?.slice(1) ?? []).map(Number);
  if (year === undefined || month === undefined || day === undefined)
    throw new RangeError(`expected a date as YYYY-MM-DD, got ${input}`);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    throw new RangeError(`${input} is not a calendar date`);
  return { year, month, day };
}

/**
 * Whole years on `onDate`; a year is added on the birthday itself. Someone born on 29 February
 * turns a year older on 1 March in common years: until then the birthday has not been reached.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const born = parseIsoDate(birthDate);
  const on = parseIsoDate(onDate);
  const beforeBirthday = on.month < born.month || (on.month === born.month && on.day < born.day);
  const age = on.year - born.year - (beforeBirthday ? 1 : 0);
  if (age < 0) throw new RangeError(`${onDate} is before the birth date ${birthDate}`);
  return age;
}

/** null from 18: adults fall outside the children's roll-ups. */
export function ageBand(birthDate: string, onDate: string): TAgeBand | null {
  const age = ageOn(birthDate, onDate);
  return AGE_BANDS.find((band) => age <= UPPER_AGE[band]) ?? null;
}

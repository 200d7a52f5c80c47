// Calendar dates as ISO strings and whole days since 1970: no time zone can move a birthday.
const DAY_MS = 86_400_000;

export function dayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Same day and month `years` later; 29 February rolls over to 1 March. */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d)).toISOString().slice(0, 10);
}

export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** The calendar year a school year began in: Danish school years run from 1 August. */
export function schoolYearOf(iso: string): number {
  const year = yearOf(iso);
  return iso.slice(5) >= '08-01' ? year : year - 1;
}

/** 0 for 0. klasse: children start school in August of the year they turn six. */
export function gradeOn(iso: string, birthDate: string): number {
  return schoolYearOf(iso) - yearOf(birthDate) - 6;
}

export function addDays(iso: string, days: number): string {
  return isoDate(dayNumber(iso) + days);
}

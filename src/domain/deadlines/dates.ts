/**
 * Calendar dates as ISO strings (YYYY-MM-DD), computed in UTC so a date never shifts with the server's
 * time zone; instants are turned into Danish calendar dates with danishDate().
 */
export type TIsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseIsoDate(date: TIsoDate): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new RangeError(`not a calendar date: ${date}`);
  return d;
}

export function isoDate(d: Date): TIsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: TIsoDate, days: number): TIsoDate {
  const d = parseIsoDate(date);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: TIsoDate): number {
  return parseIsoDate(date).getUTCDay();
}

function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/**
 * The same day of the month `months` later; a day the target month lacks becomes its last day
 * (31 October + 4 months = 28 or 29 February): a deadline never runs into the month after.
 */
export function addMonths(date: TIsoDate, months: number): TIsoDate {
  const d = parseIsoDate(date);
  const y = d.getUTCFullYear();
  const target = d.getUTCMonth() + months;
  const ty = y + Math.floor(target / 12);
  const tm = ((target % 12) + 12) % 12;
  const day = Math.min(d.getUTCDate(), daysInMonth(ty, tm));
  return isoDate(new Date(Date.UTC(ty, tm, day)));
}

/**
 * The day a person born on `birthDate` turns `years`. Someone born on 29 February turns a year older on
 * 1 March in a common year (the day after 28 February has passed).
 */
export function birthdayAt(birthDate: TIsoDate, years: number): TIsoDate {
  const d = parseIsoDate(birthDate);
  const y = d.getUTCFullYear() + years;
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  if (m === 1 && day === 29 && daysInMonth(y, 1) === 28) return `${y}-03-01`;
  return isoDate(new Date(Date.UTC(y, m, day)));
}

/** Whole years of age on a date. */
export function ageOn(birthDate: TIsoDate, on: TIsoDate): number {
  const born = parseIsoDate(birthDate).getUTCFullYear();
  const guess = parseIsoDate(on).getUTCFullYear() - born;
  return birthdayAt(birthDate, guess) <= on ? guess : guess - 1;
}

const COPENHAGEN = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Copenhagen',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in Denmark (Europe/Copenhagen, summer time included) at an instant. */
export function danishDate(at: Date): TIsoDate {
  return COPENHAGEN.format(at);
}

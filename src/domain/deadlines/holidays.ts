import type { TDeadlineConfig } from './config.ts';
import { addDays, dayOfWeek, isoDate, type TIsoDate } from './dates.ts';

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): TIsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(new Date(Date.UTC(year, month - 1, day)));
}

export type THolidayName =
  | 'newYearsDay'
  | 'maundyThursday'
  | 'goodFriday'
  | 'easterSunday'
  | 'easterMonday'
  | 'greatPrayerDay'
  | 'ascensionDay'
  | 'whitSunday'
  | 'whitMonday'
  | 'constitutionDay'
  | 'christmasEve'
  | 'christmasDay'
  | 'boxingDay'
  | 'newYearsEve';

type THolidayOptions = Pick<TDeadlineConfig, 'constitutionDayOff' | 'christmasEveOff' | 'newYearsEveOff'>;

/**
 * Danish public holidays (helligdage) in a year, plus the days off the municipality counts as such.
 * Great Prayer Day (Store Bededag) was abolished as a public holiday from 2024.
 */
export function danishHolidays(year: number, options: THolidayOptions): Map<TIsoDate, THolidayName> {
  const easter = easterSunday(year);
  const days: [TIsoDate, THolidayName][] = [
    [`${year}-01-01`, 'newYearsDay'],
    [addDays(easter, -3), 'maundyThursday'],
    [addDays(easter, -2), 'goodFriday'],
    [easter, 'easterSunday'],
    [addDays(easter, 1), 'easterMonday'],
    [addDays(easter, 39), 'ascensionDay'],
    [addDays(easter, 49), 'whitSunday'],
    [addDays(easter, 50), 'whitMonday'],
    [`${year}-12-25`, 'christmasDay'],
    [`${year}-12-26`, 'boxingDay'],
  ];
  if (year < 2024) days.push([addDays(easter, 26), 'greatPrayerDay']);
  if (options.constitutionDayOff) days.push([`${year}-06-05`, 'constitutionDay']);
  if (options.christmasEveOff) days.push([`${year}-12-24`, 'christmasEve']);
  if (options.newYearsEveOff) days.push([`${year}-12-31`, 'newYearsEve']);
  return new Map(days);
}

const cache = new Map<string, Map<TIsoDate, THolidayName>>();

function holidaysCached(year: number, options: THolidayOptions): Map<TIsoDate, THolidayName> {
  const key = `${year}:${+options.constitutionDayOff}${+options.christmasEveOff}${+options.newYearsEveOff}`;
  let days = cache.get(key);
  if (!days) {
    days = danishHolidays(year, options);
    cache.set(key, days);
  }
  return days;
}

/** The holiday on a date, if any. */
export function holidayOn(date: TIsoDate, options: THolidayOptions): THolidayName | undefined {
  return holidaysCached(Number(date.slice(0, 4)), options).get(date);
}

/** Monday to Friday and not a holiday or configured day off. */
export function isWeekday(date: TIsoDate, options: THolidayOptions): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && holidayOn(date, options) === undefined;
}

/** The date `n` weekdays after `date`; the start date itself is never counted. */
export function addWeekdays(date: TIsoDate, n: number, options: THolidayOptions): TIsoDate {
  let d = date;
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWeekday(d, options)) left--;
  }
  return d;
}

/** Weekdays strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function weekdaysBetween(from: TIsoDate, to: TIsoDate, options: THolidayOptions): number {
  let n = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWeekday(d, options)) n++;
  return n;
}

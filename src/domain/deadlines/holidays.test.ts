import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_CONFIG as D } from './config.ts';
import { dayOfWeek } from './dates.ts';
import {
  addWeekdays,
  danishHolidays,
  easterSunday,
  holidayOn,
  isWeekday,
  weekdaysBetween,
} from './holidays.ts';

describe('easterSunday', () => {
  it.each([
    [1818, '1818-03-22', 'earliest possible'],
    [2000, '2000-04-23', ''],
    [2019, '2019-04-21', ''],
    [2024, '2024-03-31', ''],
    [2025, '2025-04-20', ''],
    [2026, '2026-04-05', ''],
    [2027, '2027-03-28', ''],
    [2038, '2038-04-25', 'latest possible'],
  ])('%i: %s %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const e = easterSunday(year);
        expect(dayOfWeek(e)).toBe(0);
        expect(e.slice(5) >= '03-22' && e.slice(5) <= '04-25').toBe(true);
      }),
    );
  });
});

describe('danishHolidays', () => {
  it('2026 with the default days off', () => {
    expect(Object.fromEntries(danishHolidays(2026, D))).toEqual({
      '2026-01-01': 'newYearsDay',
      '2026-04-02': 'maundyThursday',
      '2026-04-03': 'goodFriday',
      '2026-04-05': 'easterSunday',
      '2026-04-06': 'easterMonday',
      '2026-05-14': 'ascensionDay',
      '2026-05-24': 'whitSunday',
      '2026-05-25': 'whitMonday',
      '2026-06-05': 'constitutionDay',
      '2026-12-24': 'christmasEve',
      '2026-12-25': 'christmasDay',
      '2026-12-26': 'boxingDay',
    });
  });

  it('keeps Great Prayer Day before 2024 only', () => {
    expect(holidayOn('2023-05-05', D)).toBe('greatPrayerDay');
    expect(holidayOn('2026-05-01', D)).toBeUndefined();
  });

  it('counts Constitution Day, Christmas Eve and New Year’s Eve as the municipality configures', () => {
    const none = { constitutionDayOff: false, christmasEveOff: false, newYearsEveOff: false };
    const all = { constitutionDayOff: true, christmasEveOff: true, newYearsEveOff: true };
    for (const d of ['2026-06-05', '2026-12-24', '2026-12-31']) {
      expect(holidayOn(d, none)).toBeUndefined();
      expect(holidayOn(d, all)).toBeDefined();
    }
  });
});

describe('weekday counting', () => {
  it.each([
    ['2026-03-06', 1, '2026-03-09', 'Friday + 1 skips the weekend'],
    ['2026-04-01', 1, '2026-04-07', 'before Easter: Maundy Thursday to Easter Monday skipped'],
    ['2026-12-23', 1, '2026-12-28', 'Christmas Eve and Christmas skipped'],
    ['2026-12-31', 1, '2027-01-04', 'New Year’s Day skipped'],
    ['2026-03-02', 0, '2026-03-02', 'zero weekdays is the same day'],
  ])('%s + %i weekday(s) = %s (%s)', (from, n, to) => {
    expect(addWeekdays(from, n, D)).toBe(to);
  });

  it('lands on a weekday exactly n weekdays later', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        fc.boolean(),
        (d, n, constitutionDayOff, christmasEveOff) => {
          const options = { constitutionDayOff, christmasEveOff, newYearsEveOff: false };
          const from = d.toISOString().slice(0, 10);
          const to = addWeekdays(from, n, options);
          expect(isWeekday(to, options)).toBe(true);
          expect(weekdaysBetween(from, to, options)).toBe(n);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_CONFIG as D } from './config.ts';
import { danishDate } from './dates.ts';
import { isWeekday, weekdaysBetween } from './holidays.ts';
import {
  assessedInTime,
  notificationAssessmentDue,
  receiptDue,
  receiptInTime,
  timeLeft,
} from './notification-deadlines.ts';

describe('notificationAssessmentDue (24 hours, elapsed)', () => {
  it.each([
    ['2026-03-05T23:59:00+01:00', '2026-03-06T22:59:00.000Z', 'received at 23:59 Danish time'],
    ['2026-03-07T10:00:00+01:00', '2026-03-08T09:00:00.000Z', 'a Saturday: the weekend counts'],
    ['2026-04-02T09:00:00+02:00', '2026-04-03T07:00:00.000Z', 'Maundy Thursday: holidays count'],
    ['2026-12-24T15:00:00+01:00', '2026-12-25T14:00:00.000Z', 'Christmas Eve'],
    ['2026-03-28T12:00:00+01:00', '2026-03-29T11:00:00.000Z', 'across the switch to summer time: 13:00 CEST'],
  ])('%s → %s (%s)', (received, due) => {
    expect(notificationAssessmentDue(new Date(received), D).toISOString()).toBe(due);
  });

  it('uses the municipality’s length', () => {
    expect(
      notificationAssessmentDue(new Date('2026-03-02T08:00:00Z'), { assessmentHours: 48 }).toISOString(),
    ).toBe('2026-03-04T08:00:00.000Z');
  });

  it('is in time up to the exact due instant, and late a millisecond after', () => {
    const received = new Date('2026-03-02T08:00:00Z');
    expect(assessedInTime(received, new Date('2026-03-03T08:00:00Z'), new Date(), D)).toBe(true);
    expect(assessedInTime(received, new Date('2026-03-03T08:00:00.001Z'), new Date(), D)).toBe(false);
    expect(assessedInTime(received, null, new Date('2026-03-02T20:00:00Z'), D)).toBe(true);
    expect(assessedInTime(received, null, new Date('2026-03-04T20:00:00Z'), D)).toBe(false);
    expect(timeLeft(notificationAssessmentDue(received, D), new Date('2026-03-03T07:00:00Z'))).toBe(
      3_600_000,
    );
  });
});

describe('receiptDue (6 weekdays, Danish calendar)', () => {
  it.each([
    ['2026-03-02T10:00:00+01:00', D, '2026-03-10', 'an ordinary Monday'],
    ['2026-04-02T10:00:00+02:00', D, '2026-04-14', 'Maundy Thursday: Good Friday and Easter Monday skipped'],
    ['2026-12-24T12:00:00+01:00', D, '2027-01-05', 'Christmas Eve: Christmas and New Year’s Day skipped'],
    [
      '2026-12-24T12:00:00+01:00',
      { ...D, newYearsEveOff: true },
      '2027-01-06',
      'Christmas Eve, New Year’s Eve off',
    ],
    ['2026-12-23T12:00:00+01:00', D, '2027-01-05', 'the day before Christmas Eve, which is off'],
    [
      '2026-12-23T12:00:00+01:00',
      { ...D, christmasEveOff: false },
      '2027-01-04',
      'the day before Christmas Eve, which is a working day here',
    ],
    ['2026-03-07T10:00:00+01:00', D, '2026-03-16', 'a Saturday: counting starts Monday'],
    ['2026-03-05T23:59:00+01:00', D, '2026-03-13', 'Thursday 23:59 Danish time is still Thursday'],
    ['2026-03-06T00:00:00+01:00', D, '2026-03-16', 'one minute later it is Friday'],
    ['2026-03-05T23:59:00Z', D, '2026-03-16', '23:59 UTC on Thursday is Friday 00:59 in Copenhagen'],
    ['2026-05-13T10:00:00+02:00', D, '2026-05-22', 'the day before Ascension'],
    ['2026-05-22T10:00:00+02:00', D, '2026-06-02', 'the Friday before Whit Monday'],
    ['2026-06-01T10:00:00+02:00', D, '2026-06-10', 'Constitution Day off'],
    [
      '2026-06-01T10:00:00+02:00',
      { ...D, constitutionDayOff: false },
      '2026-06-09',
      'Constitution Day worked',
    ],
    ['2023-05-04T10:00:00+02:00', D, '2023-05-15', 'before Great Prayer Day 2023'],
    ['2026-04-30T10:00:00+02:00', D, '2026-05-08', 'Great Prayer Day is no holiday since 2024'],
    [
      '2026-03-02T10:00:00+01:00',
      { ...D, receiptWeekdays: 10 },
      '2026-03-16',
      'a municipality using 10 weekdays',
    ],
  ])('%s → %s (%s)', (received, config, due) => {
    expect(receiptDue(new Date(received), config)).toBe(due);
  });

  it('a receipt sent on the due date is in time, the next day is late', () => {
    const received = new Date('2026-03-02T10:00:00+01:00');
    expect(receiptInTime(received, new Date('2026-03-10T22:59:00Z'), D)).toBe(true);
    expect(receiptInTime(received, new Date('2026-03-10T23:00:00Z'), D)).toBe(false);
  });

  it('always falls on a weekday exactly the configured number of weekdays after the Danish day of receipt', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 15 }),
        (received, receiptWeekdays) => {
          const config = { ...D, receiptWeekdays };
          const due = receiptDue(received, config);
          expect(isWeekday(due, config)).toBe(true);
          expect(weekdaysBetween(danishDate(received), due, config)).toBe(receiptWeekdays);
        },
      ),
    );
  });
});

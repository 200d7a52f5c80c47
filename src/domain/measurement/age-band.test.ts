import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ageBand, ageOn } from './age-band.ts';

describe('ageOn', () => {
  it.each([
    ['2020-05-10', '2020-05-10', 0, 'the day of birth'],
    ['2020-05-10', '2021-05-09', 0, 'the day before the first birthday'],
    ['2020-05-10', '2021-05-10', 1, 'on the birthday'],
    ['2010-12-31', '2020-12-30', 9, 'New Year’s Eve birthday, the day before'],
    ['2010-12-31', '2020-12-31', 10, 'New Year’s Eve birthday, on the day'],
    ['2012-02-29', '2016-02-29', 4, 'leap-day birthday on a leap day'],
    ['2012-02-29', '2017-02-28', 4, 'leap-day birthday, 28 February of a common year: not yet'],
    ['2012-02-29', '2017-03-01', 5, 'leap-day birthday, 1 March of a common year'],
    ['2011-02-28', '2016-02-29', 5, 'born 28 February, on a leap day'],
    ['2011-03-01', '2016-02-29', 4, 'born 1 March, on a leap day'],
  ])('born %s, on %s: %i (%s)', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });

  it.each([
    ['2020-05-10', '2020-05-09', 'before birth'],
    ['2021-02-29', '2022-01-01', 'not a calendar date'],
    ['2020-5-10', '2022-01-01', 'not zero-padded'],
    ['2020-05-10T00:00:00Z', '2022-01-01', 'a timestamp, not a date'],
    ['2020-05-10', '', 'empty'],
  ])('refuses born %s on %s (%s)', (birth, on) => {
    expect(() => ageOn(birth, on)).toThrow(RangeError);
  });
});

describe('ageBand', () => {
  it.each([
    ['2020-01-01', '2020-01-01', '0-2'],
    ['2020-01-01', '2022-12-31', '0-2'],
    ['2020-01-01', '2023-01-01', '3-5'],
    ['2020-01-01', '2025-12-31', '3-5'],
    ['2020-01-01', '2026-01-01', '6-9'],
    ['2010-06-15', '2020-06-14', '6-9'],
    ['2010-06-15', '2020-06-15', '10-12'],
    ['2010-06-15', '2023-06-15', '13-15'],
    ['2010-06-15', '2026-06-15', '16-17'],
    ['2010-06-15', '2028-06-14', '16-17'],
    ['2010-06-15', '2028-06-15', null],
    ['2008-02-29', '2026-02-28', '16-17'],
    ['2008-02-29', '2026-03-01', null],
  ])('born %s, on %s: %s', (birth, on, band) => {
    expect(ageBand(birth, on)).toBe(band);
  });

  it('bands cover 0–17 without gaps, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 1990, max: 2040 }), (age, year) => {
        const band = ageBand(`${year}-07-01`, `${year + age}-07-01`);
        if (age >= 18) expect(band).toBeNull();
        else {
          const [lo, hi] = (band ?? '').split('-').map(Number);
          expect(lo !== undefined && hi !== undefined && lo <= age && age <= hi).toBe(true);
          expect(AGE_BANDS).toContain(band);
        }
      }),
    );
  });
});

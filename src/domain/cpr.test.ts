import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { centuryFor, formatCpr, parseCpr } from './cpr.ts';

describe('parseCpr', () => {
  it.each([
    ['010115-4001', '2015-01-01', 'male', '7th digit 4, year ≤ 36: 2000s'],
    ['010190-4002', '1990-01-01', 'female', '7th digit 4, year > 36: 1900s'],
    ['311299-1235', '1999-12-31', 'male', '7th digit 1: always 1900s'],
    ['2902205001', '2020-02-29', 'male', 'leap day, no dash, 7th digit 5: 2000s'],
    ['150560-6000', '1860-05-15', 'female', '7th digit 6, year > 57: 1800s'],
    ['010137-9000', '1937-01-01', 'female', '7th digit 9, year > 36: 1900s'],
  ])('reads %s as born %s (%s) — %s', (cpr, birthDate, gender) => {
    expect(parseCpr(cpr)).toEqual({ birthDate, gender });
  });

  it.each([
    ['320115-4001', 'day 32'],
    ['011315-4001', 'month 13'],
    ['290221-5001', '29 February in a common year'],
    ['0101154001x', 'trailing letter'],
    ['01011-54001', 'dash in the wrong place'],
    ['', 'empty'],
  ])('refuses %s (%s)', (cpr) => {
    expect(parseCpr(cpr)).toBeNull();
  });

  it('gives every valid number a real calendar date that starts with its own digits', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2036-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (d, serial) => {
          const yy = d.getUTCFullYear() % 100;
          const seventh = d.getUTCFullYear() >= 2000 ? 4 : 0;
          const ddmmyy = `${String(d.getUTCDate()).padStart(2, '0')}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(yy).padStart(2, '0')}`;
          const cpr = `${ddmmyy}-${seventh}${String(serial).padStart(3, '0')}`;
          const facts = parseCpr(cpr);
          expect(facts?.birthDate).toBe(d.toISOString().slice(0, 10));
          expect(formatCpr(cpr.replace('-', ''))).toBe(cpr);
        },
      ),
    );
  });

  it('uses the century table', () => {
    expect(centuryFor(3, 99)).toBe(1900);
    expect(centuryFor(5, 57)).toBe(2000);
    expect(centuryFor(8, 58)).toBe(1800);
  });
});

import { describe, expect, it } from 'vitest';
import { parseCpr } from '../../domain/cpr.ts';
import { CPRS_PER_DATE_AND_GENDER, createCprAllocator } from './fake-cpr.ts';

describe('createCprAllocator', () => {
  it('makes numbers that parse to the given birth date and gender', () => {
    const next = createCprAllocator();
    for (const [date, gender] of [
      ['2008-01-01', 'female'],
      ['2016-02-29', 'male'],
      ['2026-11-22', 'female'],
      ['2036-12-31', 'male'],
    ] as const) {
      expect(parseCpr(next(date, gender))).toEqual({ birthDate: date, gender });
    }
  });

  it('never repeats a number for one date and gender until the series is used up', () => {
    const next = createCprAllocator();
    const seen = new Set<string>();
    for (let i = 0; i < CPRS_PER_DATE_AND_GENDER; i++) {
      const cpr = next('2019-07-14', 'male');
      expect(parseCpr(cpr)).toEqual({ birthDate: '2019-07-14', gender: 'male' });
      seen.add(cpr);
    }
    expect(seen.size).toBe(CPRS_PER_DATE_AND_GENDER);
    expect(() => next('2019-07-14', 'male')).toThrow(/No CPR numbers left/);
  });

  it('refuses births outside the century the digits can express', () => {
    expect(() => createCprAllocator()('1999-05-05', 'female')).toThrow();
  });
});

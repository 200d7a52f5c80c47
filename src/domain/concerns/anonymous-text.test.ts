import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsCpr, findCprNumbers } from './anonymous-text.ts';

describe('findCprNumbers', () => {
  it.each([
    ['a CPR with a dash', 'Barnet 010215-1234 virker trist', ['010215-1234']],
    ['a CPR without a dash', 'cpr 0102151234.', ['010215-1234']],
    ['a CPR with a space', 'nr 010215 1234', ['010215-1234']],
    ['an impossible date', 'sag 320215-1234', []],
    ['part of a longer number', 'ordre 90102151234', []],
    ['a phone number', 'ring 12 34 56 78', []],
    ['no digits', 'En dreng i 3. klasse er stille', []],
  ])('%s', (_why, text, expected) => {
    expect(findCprNumbers(text)).toEqual(expected);
  });

  it('finds any valid CPR wherever it stands in letters', () => {
    const cpr = fc
      .record({
        d: fc.integer({ min: 1, max: 28 }),
        m: fc.integer({ min: 1, max: 12 }),
        y: fc.integer({ min: 0, max: 99 }),
        s: fc.integer({ min: 0, max: 9999 }),
      })
      .map(
        ({ d, m, y, s }) =>
          `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}-${String(s).padStart(4, '0')}`,
      );
    const words = fc.string({ unit: fc.constantFrom('a', 'b', 'æ', ' ', '.', ','), maxLength: 30 });
    fc.assert(
      fc.property(words, cpr, words, (before, number, after) => {
        expect(containsCpr(`${before} ${number} ${after}`)).toBe(true);
      }),
    );
  });

  it('never flags text without ten digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const digits = text.replace(/\D/g, '');
        fc.pre(digits.length < 10);
        expect(containsCpr(text)).toBe(false);
      }),
    );
  });
});

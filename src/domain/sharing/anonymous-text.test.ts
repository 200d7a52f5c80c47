import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAnonymous, findCprNumbers, findNameLike } from './anonymous-text.ts';

describe('anonymous consultation text', () => {
  it.each([
    ['a CPR number with a hyphen', 'Barnet 010315-4321 er trist', true],
    ['a CPR number without a hyphen', 'cpr 0103154321', true],
    ['a CPR number with a space', 'cpr 010315 4321', true],
    ['a ten-digit number that is no date', 'tlf 9999999999', false],
    ['a longer number that contains a CPR-like run', 'sag 12010315432100', false],
    ['ordinary text', 'En pige i 3. klasse trækker sig fra legen', false],
  ])('%s → cpr %s', (_why, text, expected) => {
    expect(checkAnonymous(text).cpr).toBe(expected);
  });

  it.each([
    ['a first and last name', 'Vi taler om Emma Hansen i dag', ['Emma Hansen']],
    ['a double-barrelled name', 'Lise Møller-Jensen græder', ['Lise Møller-Jensen']],
    ['a name with Danish letters', 'Åse Ørsted er ofte fraværende', ['Åse Ørsted']],
    ['one capitalised word at sentence start', 'Drengen er urolig. Han slår.', []],
    ['no capitals', 'en dreng på 8 år', []],
  ])('%s', (_why, text, expected) => {
    expect(findNameLike(text)).toEqual(expected);
  });

  it('finds every valid CPR number embedded in free text', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/\d/g, 'x')),
        (d, m, y, serial, around) => {
          const cpr = `${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
          expect(findCprNumbers(`${around} ${cpr} ${around}`)).toContain(cpr);
        },
      ),
    );
  });

  it('never flags text without digits as holding a CPR number', () => {
    fc.assert(
      fc.property(
        fc.string().map((s) => s.replace(/\d/g, '')),
        (s) => !checkAnonymous(s).cpr,
      ),
    );
  });
});

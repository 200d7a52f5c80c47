import { describe, expect, it } from 'vitest';
import { DEFINITION_TERMS, MEASUREMENT_DEFINITION } from './definition.ts';
import { MIN_CELL } from './suppression.ts';

const entries = (['da', 'en'] as const).flatMap((locale) =>
  DEFINITION_TERMS.map((term) => [locale, term, MEASUREMENT_DEFINITION[locale][term]] as const),
);

describe('MEASUREMENT_DEFINITION', () => {
  it.each(entries)('%s %s has a label and a text of whole sentences', (_locale, _term, { label, text }) => {
    expect(label.trim()).not.toBe('');
    expect(text).toMatch(/^[A-ZÆØÅn].*\.$/s);
  });

  it.each([
    ['da', 'suppression', `færre end ${MIN_CELL} børn`],
    ['en', 'suppression', `fewer than ${MIN_CELL} children`],
    ['da', 'persistence', 'afbryder rækken'],
    ['en', 'persistence', 'ends the run'],
    ['da', 'significance', 'ikke overlapper'],
    ['en', 'significance', 'do not overlap'],
    ['da', 'protectiveShare', 'ved ikke'],
    ['en', 'protectiveShare', 'not known'],
    ['da', 'n', 'tælles én gang'],
    ['en', 'n', 'never added together'],
    ['da', 'coverage', 'samme dag'],
    ['en', 'coverage', 'same day'],
  ] as const)('%s %s states the rule as implemented (%s)', (locale, term, phrase) => {
    expect(MEASUREMENT_DEFINITION[locale][term].text).toContain(phrase);
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(MEASUREMENT_DEFINITION.da)).toBe(true);
    expect(Object.isFrozen(MEASUREMENT_DEFINITION.en.coverage)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { MEASUREMENT_DEFINITION } from '../../../domain/measurement/definition.ts';
import da from '../../i18n/da/measurement.json';
import en from '../../i18n/en/measurement.json';

// A cell without an interval says so in words (figures.tsx), in the words the definition uses.
describe('interval.notAvailable', () => {
  it.each([
    ['da', da.interval.notAvailable],
    ['en', en.interval.notAvailable],
  ] as const)('%s: "%s" is what the definition of the interval promises', (locale, text) => {
    expect(text.trim()).not.toBe('');
    expect(MEASUREMENT_DEFINITION[locale].ci95.text).toContain(text);
  });
});

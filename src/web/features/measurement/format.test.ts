import { describe, expect, it } from 'vitest';
import { formatPeriod, formatPoints } from './format.ts';

describe('periods in words', () => {
  it.each([
    ['2026H1', 'da', '1. halvår 2026'],
    ['2026-H2', 'da', '2. halvår 2026'],
    ['2026-Q1', 'da', '1. kvartal 2026'],
    ['2026-Q4', 'en', 'Q4 2026'],
    ['2026-H2', 'en', 'H2 2026'],
    ['2026', 'da', '2026'],
  ])('%s (%s) → %s', (period, locale, expected) => {
    expect(formatPeriod(period, locale)).toBe(expected);
  });
});

describe('percentage points', () => {
  it('use a decimal comma in Danish', () => {
    expect(formatPoints(-0.07, 'da')).toMatch(/^[-−]7,0$/);
    expect(formatPoints(0.032, 'en')).toBe('+3.2');
  });
});

import { describe, expect, it } from 'vitest';
import { monthsBetween, participationCurrent } from './participation.ts';

describe('participation is current', () => {
  it.each([
    ['2026-12', '2026-12-07', true, 'confirmed this month'],
    ['2026-11', '2026-12-07', true, 'last month'],
    ['2026-10', '2026-12-31', true, 'two months back'],
    ['2026-09', '2026-12-01', false, 'three months back: the provider has stopped confirming'],
    ['2025-12', '2026-01-15', true, 'across the new year'],
    ['2025-10', '2026-01-15', false, 'across the new year, too old'],
    ['2027-01', '2026-12-07', false, 'a month not begun is no attendance'],
  ])('last confirmed %s, on %s: %s (%s)', (last, today, current) => {
    expect(participationCurrent(last, today)).toBe(current);
  });

  it('counts months across years', () => {
    expect(monthsBetween('2025-11', '2026-02')).toBe(3);
    expect(monthsBetween('2026-02', '2026-02')).toBe(0);
  });
});

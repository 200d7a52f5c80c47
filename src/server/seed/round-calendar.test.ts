import { describe, expect, it } from 'vitest';
import { periodOf, roundCalendar } from './round-calendar.ts';

describe('roundCalendar', () => {
  it('ends with a round open today, preceded by closed spring and autumn rounds', () => {
    expect(roundCalendar('2026-11-22', 3)).toEqual([
      { name: 'Efterår 2025', period: '2025H2', opensOn: '2025-09-01', closesOn: '2025-11-30', open: false },
      { name: 'Forår 2026', period: '2026H1', opensOn: '2026-03-01', closesOn: '2026-05-31', open: false },
      { name: 'Efterår 2026', period: '2026H2', opensOn: '2026-09-23', closesOn: '2027-01-01', open: true },
    ]);
  });

  it('goes back ten half-years for the scale build', () => {
    const rounds = roundCalendar('2026-11-22', 10);
    expect(rounds.map((r) => r.period)).toEqual([
      '2022H1',
      '2022H2',
      '2023H1',
      '2023H2',
      '2024H1',
      '2024H2',
      '2025H1',
      '2025H2',
      '2026H1',
      '2026H2',
    ]);
    expect(new Set(rounds.map((r) => r.name)).size).toBe(10);
  });

  it('takes the open round’s period from its opening day', () => {
    const rounds = roundCalendar('2027-03-15', 2);
    expect(rounds.map((r) => [r.period, r.open])).toEqual([
      ['2026H2', false],
      ['2027H1', true],
    ]);
    expect(periodOf('2027-06-30')).toBe('2027H1');
    expect(periodOf('2027-07-01')).toBe('2027H2');
  });
});

import { describe, expect, it } from 'vitest';
import {
  budgetYear,
  grantFits,
  passBudget,
  passStepAllowed,
  passUnused,
  type TLeisurePassStatus,
  unusedFrom,
} from './leisure-pass.ts';

describe('leisure pass budget', () => {
  it.each([
    [1500, [], 0, 1500, 'nothing granted'],
    [1500, [500, 400], 900, 600, 'two grants'],
    [1500, [1500], 1500, 0, 'all of it'],
    [1000, [800, 400], 1200, 0, 'over after the amount was lowered: nothing left, never negative'],
  ])('amount %i with grants %j uses %i and leaves %i (%s)', (amount, grants, used, left) => {
    expect(passBudget(amount, grants)).toEqual({ used, left });
  });

  it.each([
    [1, 600, true],
    [600, 600, true],
    [601, 600, false],
    [0, 600, false],
    [1, 0, false],
  ])('a grant of %i fits in %i left: %s', (amount, left, fits) => {
    expect(grantFits(amount, left)).toBe(fits);
  });

  it('counts the calendar year of the day', () => {
    expect(budgetYear('2026-12-31')).toBe(2026);
    expect(budgetYear('2027-01-01')).toBe(2027);
  });
});

describe('an unused pass', () => {
  it.each<[TLeisurePassStatus, string, number, string, boolean, string]>([
    ['granted', '2026-01-05', 8, '2026-03-01', false, 'one day short of eight weeks'],
    ['granted', '2026-01-05', 8, '2026-03-02', true, 'eight weeks to the day'],
    ['granted', '2025-12-20', 2, '2026-01-03', true, 'across the new year'],
    ['redeemed', '2026-01-05', 8, '2026-06-01', false, 'redeemed passes are used'],
    ['cancelled', '2026-01-05', 8, '2026-06-01', false, 'cancelled passes are settled'],
  ])('%s on %s, after %i weeks, on %s: %s (%s)', (status, grantedOn, weeks, today, unused) => {
    expect(passUnused({ status, grantedOn }, weeks, today)).toBe(unused);
  });

  it('counts whole weeks from the grant', () => {
    expect(unusedFrom('2026-02-20', 1)).toBe('2026-02-27');
  });
});

describe('pass steps', () => {
  it.each<[TLeisurePassStatus, TLeisurePassStatus, boolean]>([
    ['granted', 'redeemed', true],
    ['granted', 'cancelled', true],
    ['granted', 'granted', false],
    ['redeemed', 'cancelled', false],
    ['cancelled', 'redeemed', false],
    ['redeemed', 'redeemed', false],
  ])('%s → %s: %s', (from, to, allowed) => {
    expect(passStepAllowed(from, to)).toBe(allowed);
  });
});

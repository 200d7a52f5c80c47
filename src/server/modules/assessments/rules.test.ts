import { describe, expect, it } from 'vitest';
import type { TFactorStateValue } from '../../../shared/schemas/assessments.ts';
import { voiceKindForAge } from '../../../shared/schemas/assessments.ts';
import { disagrees, roundPeriod, roundStatus } from './rules.ts';

describe('roundPeriod', () => {
  it.each([
    ['2027-01-01', '2027H1', 'first day of the year'],
    ['2027-06-30', '2027H1', 'last day of June'],
    ['2027-07-01', '2027H2', 'first day of July'],
    ['2027-12-31', '2027H2', 'last day of the year'],
  ])('%s → %s (%s)', (opensOn, period) => {
    expect(roundPeriod(opensOn)).toBe(period);
  });
});

describe('roundStatus', () => {
  it.each([
    ['2027-03-01', 'upcoming', 'the day before it opens'],
    ['2027-03-02', 'open', 'the opening day'],
    ['2027-04-30', 'open', 'the closing day'],
    ['2027-05-01', 'closed', 'the day after it closes'],
  ])('on %s the round is %s (%s)', (today, status) => {
    expect(roundStatus('2027-03-02', '2027-04-30', today)).toBe(status);
  });
});

describe('voiceKindForAge', () => {
  it.each([
    [0, 'observed'],
    [5, 'observed'],
    [6, 'faces'],
    [12, 'faces'],
    [13, 'words'],
    [17, 'words'],
  ])('age %i → %s', (age, kind) => {
    expect(voiceKindForAge(age)).toBe(kind);
  });
});

describe('disagrees', () => {
  it.each([
    [['present', 'present'], false, 'all agree'],
    [['present', 'absent'], true, 'present against absent'],
    [['present', 'unknown'], false, 'not known is no opinion'],
    [['unknown', 'unknown'], false, 'nobody knew'],
    [['absent'], false, 'a single assessment'],
    [[], false, 'no assessments'],
  ] as [TFactorStateValue[], boolean, string][])('%j → %s (%s)', (states, expected) => {
    expect(disagrees(states)).toBe(expected);
  });
});

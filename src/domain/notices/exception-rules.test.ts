import { describe, expect, it } from 'vitest';
import { exceptionEndProblem, exceptionEndsBecause } from './exception-rules.ts';

const today = '2027-03-01';

describe('exceptionEndProblem: an exception always has an end', () => {
  it.each([
    ['a day next week', { untilDate: '2027-03-08', untilCaseDecides: false }, null],
    ['until the case decides', { untilDate: null, untilCaseDecides: true }, null],
    ['no end at all', { untilDate: null, untilCaseDecides: false }, 'field.exceptionNeedsEnd'],
    [
      'both a day and the case',
      { untilDate: '2027-03-08', untilCaseDecides: true },
      'field.exceptionNeedsEnd',
    ],
    ['today', { untilDate: today, untilCaseDecides: false }, 'field.exceptionEndNotFuture'],
    ['yesterday', { untilDate: '2027-02-28', untilCaseDecides: false }, 'field.exceptionEndNotFuture'],
    ['a year ahead', { untilDate: '2028-02-29', untilCaseDecides: false }, null],
    [
      'more than a year ahead',
      { untilDate: '2028-03-01', untilCaseDecides: false },
      'field.exceptionEndTooFar',
    ],
  ] as const)('%s', (_name, end, key) => {
    expect(exceptionEndProblem(end, today)?.key ?? null).toBe(key);
  });
});

describe('exceptionEndsBecause', () => {
  it.each([
    ['its day has come', { untilDate: today, untilCaseDecides: false }, false, 'date'],
    ['its day is past', { untilDate: '2027-02-01', untilCaseDecides: false }, false, 'date'],
    ['its day is ahead', { untilDate: '2027-03-02', untilCaseDecides: false }, false, null],
    ['the authority has decided', { untilDate: null, untilCaseDecides: true }, true, 'caseDecided'],
    ['the authority has not decided', { untilDate: null, untilCaseDecides: true }, false, null],
    ['a dated one ignores decisions', { untilDate: '2027-04-01', untilCaseDecides: false }, true, null],
  ] as const)('ends when %s', (_name, exception, decided, cause) => {
    expect(exceptionEndsBecause(exception, today, decided)).toBe(cause);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPartyStatus, partyStatusFrom, planKind, youthPlanFrom } from './age-rules.ts';
import {
  childAssessmentDue,
  deadlineState,
  firstFollowUpDue,
  nextFollowUpDue,
  planDue,
} from './case-deadlines.ts';
import { DEFAULT_DEADLINE_CONFIG as D } from './config.ts';
import { addMonths, ageOn, birthdayAt } from './dates.ts';

describe('§ 20 childAssessmentDue (4 months from awareness)', () => {
  it.each([
    ['2026-01-15', D, '2026-05-15', 'same day four months on'],
    ['2025-10-31', D, '2026-02-28', 'no 31 February: the month’s last day'],
    ['2027-10-31', D, '2028-02-29', 'leap year'],
    ['2026-09-30', D, '2027-01-30', 'over the new year'],
    ['2026-01-15', { ...D, childAssessmentMonths: 3 }, '2026-04-15', 'a municipality using 3 months'],
  ])('aware %s → %s (%s)', (aware, config, due) => {
    expect(childAssessmentDue(aware, config)).toBe(due);
  });
});

describe('§ 91 planDue (3 months from the § 32 measure)', () => {
  it.each([
    ['2026-01-01', D, '2026-04-01', ''],
    ['2026-11-30', D, '2027-02-28', 'no 30 February'],
    ['2026-05-31', D, '2026-08-31', ''],
    ['2026-05-31', { ...D, planMonths: 4 }, '2026-09-30', 'configured 4 months; no 31 September'],
  ])('measure %s → %s %s', (start, config, due) => {
    expect(planDue(start, config)).toBe(due);
  });
});

describe('§ 95 nextFollowUpDue (at least every 6 months while the measure runs)', () => {
  it.each([
    ['2026-04-10', null, '2026-10-10', 'no planned end: six months on'],
    ['2026-08-31', null, '2027-02-28', 'no 31 February'],
    ['2026-04-10', '2026-07-01', '2026-07-01', 'the measure ends first'],
    ['2026-04-10', '2027-01-01', '2026-10-10', 'six months come first'],
    ['2026-04-10', '2026-04-10', null, 'the measure ended the day it was held'],
    ['2026-04-10', '2026-03-01', null, 'the measure had already ended'],
  ])(
    'held %s, measure ends %s → %s (%s)',
    (held: string, ends: string | null, due: string | null, _why: string) => {
      expect(nextFollowUpDue(held, ends)).toBe(due);
    },
  );
});

describe('§ 95 firstFollowUpDue (earlier of assessment end and 3 months)', () => {
  it.each([
    ['2026-01-10', '2026-03-01', '2026-03-01', 'assessment ends first'],
    ['2026-01-10', '2026-06-01', '2026-04-10', 'three months come first'],
    ['2026-01-10', null, '2026-04-10', 'no assessment end'],
    ['2026-01-10', '2026-04-10', '2026-04-10', 'the same day'],
  ])(
    'measure %s, assessment ends %s → %s (%s)',
    (start: string, ends: string | null, due: string, _why: string) => {
      expect(firstFollowUpDue({ measureStartedOn: start, assessmentEndsOn: ends }, D)).toBe(due);
    },
  );

  it('never falls after the measure-based date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2060-12-31'), noInvalidDate: true }),
        (a, b) => {
          const start = a.toISOString().slice(0, 10);
          const ends = b.toISOString().slice(0, 10);
          const due = firstFollowUpDue({ measureStartedOn: start, assessmentEndsOn: ends }, D);
          expect(due <= addMonths(start, 3)).toBe(true);
          expect(due === ends || due === addMonths(start, 3)).toBe(true);
        },
      ),
    );
  });
});

describe('deadlineState', () => {
  it.each([
    ['2026-05-15', '2026-05-15', '2026-06-01', 'metOnTime'],
    ['2026-05-15', '2026-05-16', '2026-06-01', 'metLate'],
    ['2026-05-15', null, '2026-05-15', 'open'],
    ['2026-05-15', null, '2026-05-16', 'overdue'],
  ])('due %s, done %s, today %s → %s', (due, done, today, state) => {
    expect(deadlineState(due, done, today)).toBe(state);
  });
});

describe('age rules: party status from 10 (§ 3), youth plan from 16 (§ 108)', () => {
  it.each([
    ['2016-03-10', '2026-03-09', D, false],
    ['2016-03-10', '2026-03-10', D, true],
    ['2016-03-10', '2026-03-10', { ...D, partyStatusAge: 12 }, false],
  ])('born %s, on %s: party %s', (born, on, config, party) => {
    expect(hasPartyStatus(born, on, config)).toBe(party);
  });

  it.each([
    ['2010-06-15', '2026-06-14', 'childPlan'],
    ['2010-06-15', '2026-06-15', 'youthPlan'],
  ])('born %s, on %s: %s', (born, on, kind) => {
    expect(planKind(born, on, D)).toBe(kind);
  });

  it('a leap-day child turns older on 1 March in a common year', () => {
    expect(partyStatusFrom('2012-02-29', D)).toBe('2022-03-01');
    expect(youthPlanFrom('2012-02-29', D)).toBe('2028-02-29');
    expect(youthPlanFrom('2010-06-15', D)).toBe('2026-06-15');
    expect(hasPartyStatus('2012-02-29', '2022-02-28', D)).toBe(false);
  });

  it('is exactly n years old on the n-th birthday and n − 1 the day before', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 25 }),
        (b, n) => {
          const born = b.toISOString().slice(0, 10);
          const birthday = birthdayAt(born, n);
          expect(ageOn(born, birthday)).toBe(n);
          const before = new Date(`${birthday}T00:00:00Z`);
          before.setUTCDate(before.getUTCDate() - 1);
          expect(ageOn(born, before.toISOString().slice(0, 10))).toBe(n - 1);
        },
      ),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_CONFIG } from '../deadlines/index.ts';
import { caseDeadlines, followUpForMeasure, type TCaseFacts } from './case-deadlines.ts';

const base: TCaseFacts = {
  birthDate: '2015-06-10',
  assessmentDueOn: '2027-05-15',
  assessmentCompletedOn: null,
  preliminaryRecordedOn: null,
  measures: [],
  planMadeOn: null,
  followUps: [],
};
const cfg = DEFAULT_DEADLINE_CONFIG;

describe('caseDeadlines', () => {
  const table: { why: string; facts: Partial<TCaseFacts>; today: string; expect: Record<string, unknown> }[] =
    [
      {
        why: '§ 20 still open on its last day',
        facts: {},
        today: '2027-05-15',
        expect: {
          'childAssessment.state': 'open',
          'childAssessment.preliminaryNeeded': false,
          overall: 'open',
        },
      },
      {
        why: '§ 20 overdue the day after, and a preliminary assessment is needed',
        facts: {},
        today: '2027-05-16',
        expect: {
          'childAssessment.state': 'overdue',
          'childAssessment.preliminaryNeeded': true,
          overall: 'overdue',
        },
      },
      {
        why: '§ 20 overdue with a preliminary assessment recorded: no longer flagged for it',
        facts: { preliminaryRecordedOn: '2027-05-20' },
        today: '2027-06-01',
        expect: { 'childAssessment.state': 'overdue', 'childAssessment.preliminaryNeeded': false },
      },
      {
        why: '§ 20 finished late counts as late, not overdue',
        facts: { assessmentCompletedOn: '2027-05-20', preliminaryRecordedOn: '2027-05-16' },
        today: '2027-06-01',
        expect: { 'childAssessment.state': 'metLate', overall: 'metLate' },
      },
      {
        why: 'no § 32 measure: no plan deadline (a § 30 measure does not start one)',
        facts: {
          assessmentCompletedOn: '2027-04-01',
          measures: [{ section: 's30', startsOn: '2027-04-02', endsOn: null }],
        },
        today: '2027-09-01',
        expect: { plan: null, overall: 'metOnTime' },
      },
      {
        why: '§ 91 plan due 3 months after the first § 32 measure, overdue without a plan',
        facts: {
          assessmentCompletedOn: '2027-04-01',
          measures: [
            { section: 's32', startsOn: '2027-06-01', endsOn: null },
            { section: 's32', startsOn: '2027-04-10', endsOn: null },
          ],
        },
        today: '2027-07-11',
        expect: { 'plan.due': '2027-07-10', 'plan.state': 'overdue' },
      },
      {
        why: '§ 91 plan made in time',
        facts: {
          assessmentCompletedOn: '2027-04-01',
          measures: [{ section: 's32', startsOn: '2027-04-10', endsOn: null }],
          planMadeOn: '2027-06-30',
        },
        today: '2027-08-01',
        expect: { 'plan.state': 'metOnTime' },
      },
      {
        why: 'party status from the 10th birthday, not the day before',
        facts: {},
        today: '2025-06-09',
        expect: { partyStatus: false, partyStatusFrom: '2025-06-10', planKind: 'childPlan' },
      },
      {
        why: 'youth plan from the 16th birthday',
        facts: {},
        today: '2031-06-10',
        expect: { partyStatus: true, planKind: 'youthPlan', youthPlanFrom: '2031-06-10' },
      },
      {
        why: 'a follow-up held late and one open: overall open',
        facts: {
          assessmentCompletedOn: '2027-04-01',
          followUps: [
            { dueOn: '2027-07-01', heldOn: '2027-07-05' },
            { dueOn: '2027-10-01', heldOn: null },
          ],
        },
        today: '2027-08-01',
        expect: { 'followUps.0.state': 'metLate', 'followUps.1.state': 'open', overall: 'open' },
      },
    ];
  for (const row of table) {
    it(row.why, () => {
      const result = caseDeadlines({ ...base, ...row.facts }, cfg, row.today);
      for (const [path, value] of Object.entries(row.expect)) {
        const got = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], result);
        expect(got, path).toEqual(value);
      }
    });
  }
});

describe('followUpForMeasure (§ 95)', () => {
  it.each([
    ['3 months after the start when there is no end', { startsOn: '2027-01-31', endsOn: null }, '2027-04-30'],
    ['the end, when it comes first', { startsOn: '2027-01-10', endsOn: '2027-02-28' }, '2027-02-28'],
    ['3 months, when the end is later', { startsOn: '2027-01-10', endsOn: '2027-12-31' }, '2027-04-10'],
  ])('%s', (_why, measure, due) => {
    expect(followUpForMeasure(measure, cfg)).toBe(due);
  });
});

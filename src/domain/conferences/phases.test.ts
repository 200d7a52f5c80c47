import { describe, expect, it } from 'vitest';
import {
  CONFERENCE_PHASES,
  CONFERENCE_STEPS,
  latestReview,
  nextPhase,
  openSteps,
  type TConferencePhase,
  type TConferenceStep,
} from './phases.ts';

// Every phase × every step: where it leads, or null when it is out of order (and refused with a 409).
const TABLE: Record<TConferencePhase, Partial<Record<TConferenceStep, TConferencePhase>>> = {
  referred: { prepare: 'preparation' },
  preparation: { inform: 'information' },
  information: { privateTime: 'privateTime' },
  privateTime: { plan: 'plan' },
  plan: { approve: 'approved', refuse: 'refused' },
  refused: { plan: 'plan' },
  approved: { review: 'reviewed' },
  reviewed: { review: 'reviewed', close: 'closed' },
  closed: {},
};

describe('the conference’s phases', () => {
  for (const phase of CONFERENCE_PHASES)
    for (const step of CONFERENCE_STEPS) {
      const expected = TABLE[phase][step] ?? null;
      it(`${phase} + ${step} → ${expected ?? 'out of order'}`, () => {
        expect(nextPhase(phase, step)).toBe(expected);
      });
    }

  it('never closes a plan that was not reviewed, nor skips the family’s private time', () => {
    expect(CONFERENCE_PHASES.filter((p) => nextPhase(p, 'close') !== null)).toEqual(['reviewed']);
    expect(CONFERENCE_PHASES.filter((p) => nextPhase(p, 'plan') !== null)).toEqual([
      'privateTime',
      'refused',
    ]);
  });

  it('lists the steps open in a phase', () => {
    expect(openSteps('plan')).toEqual(['approve', 'refuse']);
    expect(openSteps('closed')).toEqual([]);
  });
});

describe('the latest review date', () => {
  it.each([
    ['2027-01-15', 3, '2027-04-15', 'three months on'],
    ['2027-11-30', 3, '2028-02-29', 'the last day of a shorter month (leap year)'],
    ['2026-11-30', 3, '2027-02-28', 'the last day of a shorter month'],
    ['2027-03-31', 1, '2027-04-30', 'a month without the 31st'],
  ])('%s + %i months = %s (%s)', (from, months, expected) => {
    expect(latestReview(from, months)).toBe(expected);
  });
});

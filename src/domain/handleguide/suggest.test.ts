import { describe, expect, it } from 'vitest';
import { checkChoice, suggestActions, type TGuideAction } from './suggest.ts';

const SIGNS = [
  { code: 'withdrawn', acute: false },
  { code: 'beginningAbsence', acute: false },
  { code: 'violence', acute: true },
];
const ACTIONS: TGuideAction[] = [
  { signCode: 'withdrawn', level: 1, code: 'talkChild' },
  { signCode: 'withdrawn', level: 2, code: 'talkParents' },
  { signCode: 'withdrawn', level: 3, code: 'meeting' },
  { signCode: 'withdrawn', level: 4, code: 'notify' },
  { signCode: 'beginningAbsence', level: 2, code: 'talkParents' },
  { signCode: 'beginningAbsence', level: 3, code: 'meeting' },
  { signCode: 'violence', level: 4, code: 'notify' },
];

describe('suggestActions', () => {
  it('lists the chosen signs’ actions by level, each once', () => {
    const s = suggestActions(SIGNS, ACTIONS, ['withdrawn', 'beginningAbsence']);
    expect(s.acute).toBe(false);
    expect(s.minimumLevel).toBe(1);
    expect(s.byLevel[2].map((a) => a.code)).toEqual(['talkParents']);
    expect(s.byLevel[3].map((a) => a.code)).toEqual(['meeting']);
  });
  it('an acute sign goes straight to level 4 and hides the lower levels', () => {
    const s = suggestActions(SIGNS, ACTIONS, ['withdrawn', 'violence']);
    expect(s.acute).toBe(true);
    expect(s.acuteSigns).toEqual(['violence']);
    expect(s.minimumLevel).toBe(4);
    expect([s.byLevel[1], s.byLevel[2], s.byLevel[3]].flat()).toEqual([]);
    expect(s.byLevel[4].map((a) => a.code)).toEqual(['notify']);
  });
  it('no signs, no suggestions', () => {
    const s = suggestActions(SIGNS, ACTIONS, []);
    expect(Object.values(s.byLevel).flat()).toEqual([]);
  });
});

describe('checkChoice', () => {
  it.each([
    ['a meeting for a withdrawn child', ['withdrawn'], 3, 'meeting', null],
    ['free text at any level', ['withdrawn'], 1, null, null],
    ['an acute sign at level 3', ['violence'], 3, null, 'acuteNeedsNotification'],
    ['an acute sign with notification', ['violence', 'withdrawn'], 4, 'notify', null],
    ['an action of another sign', ['beginningAbsence'], 1, 'talkChild', 'actionNotForSigns'],
    ['an action at the wrong level', ['withdrawn'], 2, 'meeting', 'actionLevelMismatch'],
  ] as const)('%s', (_why, chosen, level, action, problem) => {
    expect(checkChoice(SIGNS, ACTIONS, chosen, level, action)).toBe(problem);
  });
});

import { describe, expect, it } from 'vitest';
import { protectiveShare, protectiveShareByTheme, riskLoad, type TFactorState } from './factor-states.ts';

const p = (code: string, state: TFactorState['state'], themes: string[] = []): TFactorState => ({
  factorCode: code,
  kind: 'protective',
  themeCodes: themes,
  state,
});
const r = (code: string, state: TFactorState['state']): TFactorState => ({
  factorCode: code,
  kind: 'risk',
  themeCodes: [],
  state,
});

describe('protectiveShare', () => {
  it.each([
    ['an empty assessment', [], { present: 0, assessed: 0, share: null }],
    ['all not known', [p('a', 'unknown'), p('b', 'unknown')], { present: 0, assessed: 0, share: null }],
    [
      'only risk factors assessed',
      [r('x', 'present'), r('y', 'absent')],
      { present: 0, assessed: 0, share: null },
    ],
    ['all present', [p('a', 'present'), p('b', 'present')], { present: 2, assessed: 2, share: 1 }],
    ['all absent', [p('a', 'absent'), p('b', 'absent')], { present: 0, assessed: 2, share: 0 }],
    [
      'not known left out of the denominator',
      [p('a', 'present'), p('b', 'absent'), p('c', 'unknown'), p('d', 'present')],
      { present: 2, assessed: 3, share: 2 / 3 },
    ],
    [
      'risk factors ignored',
      [p('a', 'present'), r('x', 'present'), p('b', 'absent')],
      { present: 1, assessed: 2, share: 0.5 },
    ],
  ])('%s', (_why, states, expected) => {
    expect(protectiveShare(states)).toEqual(expected);
  });
});

describe('protectiveShareByTheme', () => {
  it.each([
    ['no factors', [], {}],
    [
      'a factor counts in each of its themes',
      [p('a', 'present', ['leisure', 'school']), p('b', 'absent', ['school'])],
      { leisure: { present: 1, assessed: 1, share: 1 }, school: { present: 1, assessed: 2, share: 0.5 } },
    ],
    [
      'a theme with only not-known factors is kept, with a null share',
      [p('a', 'unknown', ['family']), p('b', 'present', ['school'])],
      { family: { present: 0, assessed: 0, share: null }, school: { present: 1, assessed: 1, share: 1 } },
    ],
    [
      'a theme named twice on one factor counts once',
      [p('a', 'present', ['school', 'school'])],
      { school: { present: 1, assessed: 1, share: 1 } },
    ],
    ['risk factors give no theme share', [{ ...r('x', 'present'), themeCodes: ['school'] }], {}],
  ])('%s', (_why, states, expected) => {
    expect(Object.fromEntries(protectiveShareByTheme(states))).toEqual(expected);
  });
});

describe('riskLoad', () => {
  it.each([
    ['no factors', [], 0],
    ['absent and not known do not count', [r('x', 'absent'), r('y', 'unknown')], 0],
    ['present risks count', [r('x', 'present'), r('y', 'present'), r('z', 'absent')], 2],
    ['protective factors do not count', [p('a', 'present'), r('x', 'present')], 1],
  ])('%s', (_why, states, expected) => {
    expect(riskLoad(states)).toBe(expected);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TFactorState } from './factor-states.ts';
import {
  coOccurrence,
  persistence,
  persistentRisks,
  riskObservation,
  type TRiskObservation,
} from './persistence.ts';

/** 'x?' marks x as not known. */
const obs = (...codes: string[]): TRiskObservation => ({
  present: new Set(codes.filter((c) => !c.endsWith('?'))),
  unknown: new Set(codes.filter((c) => c.endsWith('?')).map((c) => c.slice(0, -1))),
});

describe('persistence', () => {
  it.each([
    ['no assessments', [], {}],
    ['one assessment', [obs('x', 'y')], { x: 1, y: 1 }],
    ['present in all three', [obs('x'), obs('x'), obs('x')], { x: 3 }],
    ['an absent assessment ends the run', [obs('x'), obs(), obs('x')], { x: 1 }],
    ['not known ends the run too', [obs('x'), obs('x?'), obs('x')], { x: 1 }],
    ['not present now: no entry', [obs('x'), obs('x'), obs()], {}],
    ['not known now: no entry', [obs('x'), obs('x'), obs('x?')], {}],
    ['runs counted per factor', [obs('x'), obs('x', 'y'), obs('x', 'y', 'z')], { x: 3, y: 2, z: 1 }],
    ['listed both present and not known: not counted', [obs('x'), obs('x', 'x?')], {}],
  ])('%s', (_why, history, expected) => {
    expect(Object.fromEntries(persistence(history))).toEqual(expected);
  });

  it('a run never exceeds the number of assessments, and each counted one saw the factor', () => {
    const history = fc.array(
      fc.subarray(['x', 'y', 'z', 'x?', 'y?']).map((c) => obs(...c)),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(history, (h) => {
        for (const [code, run] of persistence(h)) {
          expect(run).toBeGreaterThanOrEqual(1);
          expect(run).toBeLessThanOrEqual(h.length);
          for (const o of h.slice(h.length - run))
            expect(o.present.has(code) && !o.unknown.has(code)).toBe(true);
          const before = h[h.length - run - 1];
          if (before) expect(before.present.has(code) && !before.unknown.has(code)).toBe(false);
        }
      }),
    );
  });
});

describe('coOccurrence', () => {
  it.each([
    ['none', obs(), 0],
    ['three together', obs('x', 'y', 'z'), 3],
    ['not known does not count', obs('x', 'y?'), 1],
  ])('%s', (_why, latest, expected) => {
    expect(coOccurrence(latest)).toBe(expected);
  });
});

describe('persistentRisks', () => {
  const history = [obs('x', 'w'), obs('x', 'y', 'w'), obs('x', 'y', 'z', 'w')];
  it.each([
    [
      undefined,
      [
        { factorCode: 'w', run: 3 },
        { factorCode: 'x', run: 3 },
        { factorCode: 'y', run: 2 },
      ],
    ],
    [
      3,
      [
        { factorCode: 'w', run: 3 },
        { factorCode: 'x', run: 3 },
      ],
    ],
    [4, []],
    [
      1,
      [
        { factorCode: 'w', run: 3 },
        { factorCode: 'x', run: 3 },
        { factorCode: 'y', run: 2 },
        { factorCode: 'z', run: 1 },
      ],
    ],
  ])('minRun %s', (minRun, expected) => {
    expect(persistentRisks(history, minRun)).toEqual(expected);
  });

  it.each([0, -1, 1.5])('refuses minRun %s', (minRun) => {
    expect(() => persistentRisks(history, minRun)).toThrow(RangeError);
  });
});

describe('riskObservation', () => {
  it('takes risk factors only, split by state', () => {
    const states: TFactorState[] = [
      { factorCode: 'x', kind: 'risk', themeCodes: [], state: 'present' },
      { factorCode: 'y', kind: 'risk', themeCodes: [], state: 'unknown' },
      { factorCode: 'z', kind: 'risk', themeCodes: [], state: 'absent' },
      { factorCode: 'a', kind: 'protective', themeCodes: [], state: 'present' },
    ];
    expect(riskObservation(states)).toEqual(obs('x', 'y?'));
  });
});

import { describe, expect, it } from 'vitest';
import type { TChildFacts, TConcernFact, TJointFact } from './facts.ts';
import { defaultParams, readParams } from './params.ts';
import {
  absenceWithNewRisk,
  concernsFromProfessions,
  evaluateRules,
  moveToRed,
  persistentRisk,
} from './rules.ts';

const TODAY = '2026-11-20';
const RISK = new Set(['R-ABSENCE', 'R-BULLY', 'R-CONFLICT']);

function concern(
  id: string,
  on: string,
  profession: string,
  signs: string[] = ['withdrawn'],
  factorCodes: string[] = [],
): TConcernFact {
  return { id, on, profession, signs, factorCodes };
}
function joint(
  id: string,
  assessedOn: string,
  position: TJointFact['position'],
  presentRisk: string[] = [],
): TJointFact {
  return { id, assessedOn, position, presentRisk };
}
function facts(concerns: TConcernFact[], joints: TJointFact[] = []): TChildFacts {
  return { today: TODAY, concerns, joints, riskCodes: RISK };
}

describe('concernsFromProfessions (≥3 concerns from ≥2 professions within 60 days)', () => {
  const p = defaultParams('concernsFromProfessions');
  it.each([
    [
      'three from two professions in the window',
      [
        concern('a', '2026-10-01', 'teacher'),
        concern('b', '2026-10-15', 'teacher'),
        concern('c', '2026-11-20', 'healthVisitor'),
      ],
      'concernsFromProfessions:a',
    ],
    [
      'three from one profession',
      [
        concern('a', '2026-10-01', 'teacher'),
        concern('b', '2026-10-15', 'teacher'),
        concern('c', '2026-11-19', 'teacher'),
      ],
      null,
    ],
    [
      'two from two professions',
      [concern('a', '2026-10-01', 'teacher'), concern('b', '2026-10-15', 'ppr')],
      null,
    ],
    [
      'one of three is 60 days old (outside)',
      [
        concern('a', '2026-09-21', 'teacher'),
        concern('b', '2026-10-15', 'ppr'),
        concern('c', '2026-11-19', 'teacher'),
      ],
      null,
    ],
    [
      'one of three is 59 days old (inside)',
      [
        concern('a', '2026-09-22', 'teacher'),
        concern('b', '2026-10-15', 'ppr'),
        concern('c', '2026-11-19', 'teacher'),
      ],
      'concernsFromProfessions:a',
    ],
    [
      'a future-dated concern does not count',
      [
        concern('a', '2026-10-01', 'teacher'),
        concern('b', '2026-10-15', 'ppr'),
        concern('c', '2026-11-21', 'teacher'),
      ],
      null,
    ],
    [
      'four in the window: keyed on the oldest',
      [
        concern('d', '2026-11-01', 'pedagogue'),
        concern('a', '2026-10-01', 'teacher'),
        concern('b', '2026-10-15', 'ppr'),
        concern('c', '2026-11-19', 'teacher'),
      ],
      'concernsFromProfessions:a',
    ],
  ])('%s', (_why, concerns, key) => {
    expect(concernsFromProfessions(facts(concerns), p)?.dedupeKey ?? null).toBe(key);
  });

  it('keys a run on its first concern by time of recording, whatever the ids', () => {
    const sameDay = (id: string, at: string, profession: string) => ({
      ...concern(id, '2026-11-20', profession),
      at,
    });
    const three = [
      sameDay('z', '2026-11-20T08:00:00', 'teacher'),
      sameDay('a', '2026-11-20T09:00:00', 'ppr'),
      sameDay('m', '2026-11-20T10:00:00', 'teacher'),
    ];
    expect(concernsFromProfessions(facts(three), p)?.dedupeKey).toBe('concernsFromProfessions:z');
    const four = [...three, sameDay('b', '2026-11-20T11:00:00', 'teacher')];
    expect(concernsFromProfessions(facts(four), p)?.dedupeKey).toBe('concernsFromProfessions:z');
  });

  it('explains itself: count, professions and window', () => {
    const f = concernsFromProfessions(
      facts([
        concern('a', '2026-10-01', 'teacher'),
        concern('b', '2026-10-15', 'ppr'),
        concern('c', '2026-11-19', 'teacher'),
      ]),
      p,
    );
    expect(f?.reason).toEqual({
      code: 'concernsFromProfessions',
      params: { count: 3, professions: ['ppr', 'teacher'], days: 60, since: '2026-10-01' },
    });
  });

  it('follows its parameters', () => {
    const concerns = [concern('a', '2026-11-01', 'teacher'), concern('b', '2026-11-02', 'ppr')];
    expect(
      concernsFromProfessions(facts(concerns), { minConcerns: 2, minProfessions: 2, days: 30 }),
    ).not.toBeNull();
    expect(
      concernsFromProfessions(facts(concerns), { minConcerns: 2, minProfessions: 2, days: 10 }),
    ).toBeNull();
  });
});

describe('moveToRed', () => {
  const p = defaultParams('moveToRed');
  it.each([
    [
      'yellow then red',
      [joint('1', '2026-03-01', 'yellow'), joint('2', '2026-10-01', 'red')],
      true,
      'moveToRed:2',
    ],
    [
      'green then red',
      [joint('1', '2026-03-01', 'green'), joint('2', '2026-10-01', 'red')],
      true,
      'moveToRed:2',
    ],
    [
      'red then red (no move)',
      [joint('1', '2026-03-01', 'red'), joint('2', '2026-10-01', 'red')],
      true,
      null,
    ],
    ['red then yellow', [joint('1', '2026-03-01', 'red'), joint('2', '2026-10-01', 'yellow')], true, null],
    ['first assessment red, counted', [joint('1', '2026-10-01', 'red')], true, 'moveToRed:1'],
    ['first assessment red, not counted', [joint('1', '2026-10-01', 'red')], false, null],
    [
      'given out of order',
      [joint('2', '2026-10-01', 'red'), joint('1', '2026-03-01', 'green')],
      true,
      'moveToRed:2',
    ],
    ['no assessments', [], true, null],
  ])('%s', (_why, joints, includeFirst, key) => {
    expect(moveToRed(facts([], joints), { ...p, includeFirst })?.dedupeKey ?? null).toBe(key);
  });

  it('names where the child came from', () => {
    const f = moveToRed(facts([], [joint('1', '2026-03-01', 'yellow'), joint('2', '2026-10-01', 'red')]), p);
    expect(f?.reason.params).toEqual({ from: 'yellow', assessedOn: '2026-10-01' });
  });
});

describe('persistentRisk (same risk factor in consecutive joint assessments)', () => {
  it.each([
    [
      'present in both',
      [
        joint('1', '2026-03-01', 'yellow', ['R-BULLY']),
        joint('2', '2026-10-01', 'yellow', ['R-BULLY', 'R-CONFLICT']),
      ],
      2,
      ['R-BULLY'],
    ],
    [
      'different factors',
      [joint('1', '2026-03-01', 'yellow', ['R-BULLY']), joint('2', '2026-10-01', 'yellow', ['R-CONFLICT'])],
      2,
      null,
    ],
    ['only one assessment', [joint('1', '2026-10-01', 'yellow', ['R-BULLY'])], 2, null],
    [
      'gone in between (not consecutive)',
      [
        joint('1', '2026-01-01', 'yellow', ['R-BULLY']),
        joint('2', '2026-03-01', 'green', []),
        joint('3', '2026-10-01', 'yellow', ['R-BULLY']),
      ],
      2,
      null,
    ],
    [
      'three in a row asked, three present',
      [
        joint('1', '2026-01-01', 'yellow', ['R-BULLY']),
        joint('2', '2026-03-01', 'yellow', ['R-BULLY']),
        joint('3', '2026-10-01', 'red', ['R-BULLY']),
      ],
      3,
      ['R-BULLY'],
    ],
    [
      'three in a row asked, two present',
      [joint('2', '2026-03-01', 'yellow', ['R-BULLY']), joint('3', '2026-10-01', 'red', ['R-BULLY'])],
      3,
      null,
    ],
  ])('%s', (_why, joints, consecutive, factors) => {
    const f = persistentRisk(facts([], joints), { consecutive });
    expect(f ? f.reason.params.factors : null).toEqual(factors);
  });
});

describe('absenceWithNewRisk (beginning absence together with a new risk factor)', () => {
  const p = defaultParams('absenceWithNewRisk');
  const absent = (id: string, on: string, factorCodes: string[] = []) =>
    concern(id, on, 'teacher', ['beginningAbsence'], factorCodes);
  it.each([
    [
      'absence and a risk factor new in the latest joint assessment',
      [absent('a', '2026-11-01')],
      [joint('1', '2026-03-01', 'green', []), joint('2', '2026-11-10', 'yellow', ['R-CONFLICT'])],
      ['R-CONFLICT'],
    ],
    [
      'absence but the risk factor was there before',
      [absent('a', '2026-11-01')],
      [
        joint('1', '2026-03-01', 'yellow', ['R-CONFLICT']),
        joint('2', '2026-11-10', 'yellow', ['R-CONFLICT']),
      ],
      null,
    ],
    [
      'absence and a new risk factor named on a concern',
      [absent('a', '2026-11-01'), concern('b', '2026-11-05', 'ppr', ['withdrawn'], ['R-BULLY'])],
      [joint('1', '2026-03-01', 'green', [])],
      ['R-BULLY'],
    ],
    [
      'a protective factor named on a concern is not risk',
      [absent('a', '2026-11-01', ['P-LEISURE'])],
      [],
      null,
    ],
    [
      'new risk factor but no absence sign',
      [concern('b', '2026-11-05', 'ppr', ['withdrawn'], ['R-BULLY'])],
      [],
      null,
    ],
    ['absence outside the window', [absent('a', '2026-08-01', ['R-BULLY'])], [], null],
    [
      'the joint assessment with the new factor is outside the window',
      [absent('a', '2026-11-01')],
      [joint('1', '2026-01-01', 'green', []), joint('2', '2026-06-01', 'yellow', ['R-CONFLICT'])],
      null,
    ],
  ])('%s', (_why, concerns, joints, factors) => {
    const f = absenceWithNewRisk(facts(concerns, joints), p);
    expect(f ? f.reason.params.factors : null).toEqual(factors);
  });
});

describe('evaluateRules', () => {
  const f = facts(
    [
      concern('a', '2026-10-01', 'teacher'),
      concern('b', '2026-10-15', 'ppr'),
      concern('c', '2026-11-19', 'teacher'),
    ],
    [joint('1', '2026-03-01', 'yellow'), joint('2', '2026-10-01', 'red')],
  );
  it('returns every enabled rule that fires, and skips disabled ones', () => {
    const settings = [
      {
        code: 'concernsFromProfessions' as const,
        enabled: true,
        params: defaultParams('concernsFromProfessions'),
      },
      { code: 'moveToRed' as const, enabled: false, params: defaultParams('moveToRed') },
    ];
    expect(evaluateRules(f, settings).map((x) => x.rule)).toEqual(['concernsFromProfessions']);
    settings[1] = { ...settings[1], enabled: true } as (typeof settings)[1];
    expect(evaluateRules(f, settings).map((x) => x.rule)).toEqual(['concernsFromProfessions', 'moveToRed']);
  });
});

describe('readParams', () => {
  it.each([
    ['nothing stored: defaults', {}, { minConcerns: 3, minProfessions: 2, days: 60 }],
    ['partial: the rest default', { days: 30 }, { minConcerns: 3, minProfessions: 2, days: 30 }],
    ['unknown keys dropped', { days: 30, extra: 1 }, { minConcerns: 3, minProfessions: 2, days: 30 }],
    ['broken values: defaults', { days: -4 }, { minConcerns: 3, minProfessions: 2, days: 60 }],
    ['not an object: defaults', null, { minConcerns: 3, minProfessions: 2, days: 60 }],
  ])('%s', (_why, stored, expected) => {
    expect(readParams('concernsFromProfessions', stored)).toEqual(expected);
  });
});

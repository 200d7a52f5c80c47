import { describe, expect, it } from 'vitest';
import { ageFits, offerProblem, type TOfferShape } from './offer-rules.ts';

const ok: TOfferShape = {
  ageFrom: 6,
  ageTo: 12,
  capacityTotal: 20,
  capacityFree: 3,
  schedule: [{ day: 'TU', opensAt: '16:00', closesAt: '17:30' }],
};

describe('offerProblem', () => {
  const cases: [string, Partial<TOfferShape>, ReturnType<typeof offerProblem>][] = [
    ['a sound offer', {}, null],
    ['one age only', { ageFrom: 8, ageTo: 8 }, null],
    ['no capacity given', { capacityTotal: null, capacityFree: null }, null],
    ['every place free', { capacityFree: 20 }, null],
    ['no places free', { capacityFree: 0 }, null],
    ['an age range backwards', { ageFrom: 12, ageTo: 6 }, { field: 'ageTo', key: 'field.ageRange' }],
    [
      'free places without a total',
      { capacityTotal: null },
      { field: 'capacityTotal', key: 'field.capacityBoth' },
    ],
    [
      'a total without free places',
      { capacityFree: null },
      { field: 'capacityFree', key: 'field.capacityBoth' },
    ],
    [
      'more free places than places',
      { capacityFree: 21 },
      { field: 'capacityFree', key: 'field.capacityFreeTooMany' },
    ],
    [
      'a session ending when it starts',
      {
        schedule: [
          { day: 'MO', opensAt: '15:00', closesAt: '16:00' },
          { day: 'WE', opensAt: '16:00', closesAt: '16:00' },
        ],
      },
      { field: 'schedule.1.closesAt', key: 'field.sessionEndsBeforeStart' },
    ],
    [
      'a session ending before it starts',
      { schedule: [{ day: 'FR', opensAt: '18:00', closesAt: '09:00' }] },
      { field: 'schedule.0.closesAt', key: 'field.sessionEndsBeforeStart' },
    ],
  ];
  it.each(cases)('%s', (_name, change, expected) => {
    expect(offerProblem({ ...ok, ...change })).toEqual(expected);
  });
});

describe('ageFits', () => {
  it.each([
    [5, false],
    [6, true],
    [12, true],
    [13, false],
  ])('age %i in 6–12: %s', (age, fits) => {
    expect(ageFits(age, ok)).toBe(fits);
  });
});

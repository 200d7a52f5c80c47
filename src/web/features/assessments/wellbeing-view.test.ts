import { describe, expect, it } from 'vitest';
import type { TDistribution } from './types';
import { wellbeingView } from './wellbeing-view.ts';

const round = (name: string, total: number, yellowRed = 0): TDistribution => ({
  round: { id: name, name, period: '2026H2', opensOn: '2026-09-01', closesOn: '2026-11-30' },
  total,
  counts: { green: total - yellowRed, yellow: yellowRed, red: 0 },
  shares: {
    green: total ? (total - yellowRed) / total : null,
    yellow: total ? yellowRed / total : null,
    red: total ? 0 : null,
  },
});

describe('the unit wellbeing page at the start of a round', () => {
  it('with nobody assessed in the open round, says so and shows the round before — never "no yellow or red"', () => {
    const view = wellbeingView({
      latest: round('Efterår 2026', 0),
      previous: round('Forår 2026', 120, 52),
      followUp: [],
    });
    expect(view.notYetAssessed).toBe('Efterår 2026');
    expect(view.shown?.round.name).toBe('Forår 2026');
    expect(view.before).toBeNull();
    expect(view.followUpEmpty).toBe('notYetAssessed');
  });

  it('once children are assessed, the round against the one before, and "no yellow or red" only then', () => {
    const view = wellbeingView({
      latest: round('Efterår 2026', 40),
      previous: round('Forår 2026', 120, 52),
      followUp: [],
    });
    expect(view.notYetAssessed).toBeNull();
    expect(view.shown?.round.name).toBe('Efterår 2026');
    expect(view.before?.round.name).toBe('Forår 2026');
    expect(view.followUpEmpty).toBe('noneYellowOrRed');
  });

  it('without any round, nothing to show', () => {
    expect(wellbeingView({ latest: null, previous: null, followUp: [] })).toEqual({
      shown: null,
      before: null,
      notYetAssessed: null,
      followUpEmpty: null,
    });
  });
});

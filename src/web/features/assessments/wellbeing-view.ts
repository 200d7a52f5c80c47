import type { TDistribution, TUnitWellbeing } from './types';

export interface TWellbeingView {
  /** The round whose distribution is shown: the latest, or the one before while nobody is assessed in it. */
  shown: TDistribution | null;
  /** The round it is compared with. */
  before: TDistribution | null;
  /** The open round's name while no child has a joint assessment in it yet. */
  notYetAssessed: string | null;
  /** Why the follow-up list is empty: only "no yellow or red" once children have been assessed. */
  followUpEmpty: 'noneYellowOrRed' | 'notYetAssessed' | null;
}

/**
 * What the unit's wellbeing page says. At the start of a round nobody is assessed yet: the page says so and
 * shows the round before, instead of an empty distribution and "no child has yellow or red".
 */
export function wellbeingView(
  data: Pick<TUnitWellbeing, 'latest' | 'previous' | 'followUp'>,
): TWellbeingView {
  const { latest, previous, followUp } = data;
  const empty = latest !== null && latest.total === 0;
  const shown = empty ? previous : latest;
  return {
    shown,
    before: empty ? null : previous,
    notYetAssessed: empty && latest ? latest.round.name : null,
    followUpEmpty: followUp.length > 0 || !latest ? null : empty ? 'notYetAssessed' : 'noneYellowOrRed',
  };
}

/**
 * A child's joint assessment as factor states, and the per-child figures of the measurement
 * parameter (docs/domain.md, "The measurement parameter"). Each factor appears at most once in a list.
 */
export type TFactorKind = 'risk' | 'protective';
export type TFactorStateValue = 'present' | 'absent' | 'unknown';

export interface TFactorState {
  factorCode: string;
  kind: TFactorKind;
  themeCodes: readonly string[];
  state: TFactorStateValue;
}

/** `share` is null, not 0, when nothing was assessed: "we don't know" must not read as "no protection". */
export interface TShare {
  present: number;
  assessed: number;
  share: number | null;
}

export function shareOf(present: number, assessed: number): TShare {
  return { present, assessed, share: assessed === 0 ? null : present / assessed };
}

/** Not-known is left out of the denominator: it is missing knowledge, not a missing factor. */
export function protectiveShare(states: readonly TFactorState[]): TShare {
  let present = 0;
  let assessed = 0;
  for (const s of states) {
    if (s.kind !== 'protective' || s.state === 'unknown') continue;
    assessed += 1;
    if (s.state === 'present') present += 1;
  }
  return shareOf(present, assessed);
}

/**
 * Every theme named by a protective factor in the list gets an entry, even when all its factors
 * are not known, so a theme the adults could not assess shows as null rather than disappearing.
 */
export function protectiveShareByTheme(states: readonly TFactorState[]): Map<string, TShare> {
  const counts = new Map<string, { present: number; assessed: number }>();
  for (const s of states) {
    if (s.kind !== 'protective') continue;
    for (const theme of new Set(s.themeCodes)) {
      const c = counts.get(theme) ?? { present: 0, assessed: 0 };
      if (s.state !== 'unknown') c.assessed += 1;
      if (s.state === 'present') c.present += 1;
      counts.set(theme, c);
    }
  }
  return new Map([...counts].map(([theme, c]) => [theme, shareOf(c.present, c.assessed)]));
}

export function riskLoad(states: readonly TFactorState[]): number {
  return states.filter((s) => s.kind === 'risk' && s.state === 'present').length;
}

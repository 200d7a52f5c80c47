import type { TFactorState } from './factor-states.ts';

/**
 * Risk matters more the longer it lasts and the more factors occur together (docs/domain.md).
 * One joint assessment's risk factors: those seen present, and those the adults could not
 * judge. A risk factor in neither set was judged absent.
 */
export interface TRiskObservation {
  present: ReadonlySet<string>;
  unknown: ReadonlySet<string>;
}

export interface TPersistentRisk {
  factorCode: string;
  run: number;
}

export function riskObservation(states: readonly TFactorState[]): TRiskObservation {
  const risks = states.filter((s) => s.kind === 'risk');
  return {
    present: new Set(risks.filter((s) => s.state === 'present').map((s) => s.factorCode)),
    unknown: new Set(risks.filter((s) => s.state === 'unknown').map((s) => s.factorCode)),
  };
}

/** A code in both sets is contradictory; like not known, it is not counted as seen. */
function seenPresent(observation: TRiskObservation, code: string): boolean {
  return observation.present.has(code) && !observation.unknown.has(code);
}

/**
 * Risk factor → number of consecutive most-recent joint assessments (history oldest first) in
 * which it was present. Only factors present in the latest assessment appear; any other has run 0.
 * A not-known assessment ends the run like an absent one: the figure counts only what was
 * observed, so it never claims a risk lasted through an assessment where nobody saw it.
 */
export function persistence(history: readonly TRiskObservation[]): Map<string, number> {
  const runs = new Map<string, number>();
  const latest = history.at(-1);
  if (!latest) return runs;
  for (const code of latest.present) {
    if (!seenPresent(latest, code)) continue;
    let run = 0;
    for (let i = history.length - 1; i >= 0; i -= 1) {
      const observation = history[i];
      if (!observation || !seenPresent(observation, code)) break;
      run += 1;
    }
    runs.set(code, run);
  }
  return runs;
}

/** How many risk factors are present together in one assessment. */
export function coOccurrence(latest: TRiskObservation): number {
  let count = 0;
  for (const code of latest.present) if (seenPresent(latest, code)) count += 1;
  return count;
}

/** Risks present in at least `minRun` consecutive latest assessments, longest first. */
export function persistentRisks(history: readonly TRiskObservation[], minRun = 2): TPersistentRisk[] {
  if (!Number.isInteger(minRun) || minRun < 1)
    throw new RangeError(`minRun must be a whole number ≥ 1, got ${minRun}`);
  return [...persistence(history)]
    .filter(([, run]) => run >= minRun)
    .map(([factorCode, run]) => ({ factorCode, run }))
    .sort(
      (a, b) => b.run - a.run || (a.factorCode < b.factorCode ? -1 : a.factorCode > b.factorCode ? 1 : 0),
    );
}

import {
  chronological,
  concernOrder,
  type TChildFacts,
  type TFiring,
  type TJointFact,
  type TRuleCode,
  withinDays,
} from './facts.ts';
import type { TRuleParams } from './params.ts';

/**
 * N or more concerns from M or more professions within D days (defaults 3, 2, 60). Fires once per run of
 * concerns: the key is the oldest concern in the window, so a fourth concern in the same run adds nothing.
 */
export function concernsFromProfessions(
  facts: TChildFacts,
  p: TRuleParams['concernsFromProfessions'],
): TFiring | null {
  const recent = facts.concerns.filter((c) => withinDays(c.on, facts.today, p.days)).sort(concernOrder);
  const professions = [...new Set(recent.map((c) => c.profession))].sort();
  if (recent.length < p.minConcerns || professions.length < p.minProfessions) return null;
  const oldest = recent[0] as (typeof recent)[number];
  return {
    rule: 'concernsFromProfessions',
    dedupeKey: `concernsFromProfessions:${oldest.id}`,
    reason: {
      code: 'concernsFromProfessions',
      params: { count: recent.length, professions, days: p.days, since: oldest.on },
    },
  };
}

/** The latest joint assessment is red and the one before it was not (or, if counted, there was none). */
export function moveToRed(facts: TChildFacts, p: TRuleParams['moveToRed']): TFiring | null {
  const joints = chronological(facts.joints);
  const latest = joints.at(-1);
  if (latest?.position !== 'red') return null;
  const previous = joints.at(-2);
  if (previous?.position === 'red') return null;
  if (!previous && !p.includeFirst) return null;
  return {
    rule: 'moveToRed',
    dedupeKey: `moveToRed:${latest.id}`,
    reason: {
      code: 'moveToRed',
      params: { from: previous?.position ?? null, assessedOn: latest.assessedOn },
    },
  };
}

/** Risk factors present in each of the last N joint assessments (default 2). */
export function persistentRisk(facts: TChildFacts, p: TRuleParams['persistentRisk']): TFiring | null {
  const last = chronological(facts.joints).slice(-p.consecutive);
  if (last.length < p.consecutive) return null;
  const [first, ...rest] = last as [TJointFact, ...TJointFact[]];
  const factors = first.presentRisk.filter((code) => rest.every((j) => j.presentRisk.includes(code)));
  if (factors.length === 0) return null;
  const sorted = [...new Set(factors)].sort();
  const latest = last.at(-1) as TJointFact;
  return {
    rule: 'persistentRisk',
    dedupeKey: `persistentRisk:${latest.id}:${sorted.join(',')}`,
    reason: { code: 'persistentRisk', params: { factors: sorted, consecutive: p.consecutive } },
  };
}

/**
 * A concern with the absence sign within D days, together with a new risk factor in the same window: one
 * present in the latest joint assessment (made in the window) but not in the one before it, or named on a
 * concern in the window while not present in the latest joint assessment.
 */
export function absenceWithNewRisk(facts: TChildFacts, p: TRuleParams['absenceWithNewRisk']): TFiring | null {
  const recent = facts.concerns.filter((c) => withinDays(c.on, facts.today, p.days));
  const absence = recent.filter((c) => c.signs.includes(p.absenceSign)).sort(concernOrder)[0];
  if (!absence) return null;
  const joints = chronological(facts.joints);
  const latest = joints.at(-1);
  const previous = joints.at(-2);
  const fresh = new Set<string>();
  if (latest && withinDays(latest.assessedOn, facts.today, p.days)) {
    for (const code of latest.presentRisk) if (!previous?.presentRisk.includes(code)) fresh.add(code);
  }
  for (const c of recent) {
    for (const code of c.factorCodes) {
      if (facts.riskCodes.has(code) && !latest?.presentRisk.includes(code)) fresh.add(code);
    }
  }
  if (fresh.size === 0) return null;
  const factors = [...fresh].sort();
  return {
    rule: 'absenceWithNewRisk',
    dedupeKey: `absenceWithNewRisk:${absence.id}:${factors.join(',')}`,
    reason: { code: 'absenceWithNewRisk', params: { factors, absenceOn: absence.on, days: p.days } },
  };
}

export interface TRuleSetting<K extends TRuleCode = TRuleCode> {
  code: K;
  enabled: boolean;
  params: TRuleParams[K];
}

/** Every enabled rule that fires for the child, in rule order. */
export function evaluateRules(facts: TChildFacts, settings: readonly TRuleSetting[]): TFiring[] {
  const firings: TFiring[] = [];
  for (const s of settings) {
    if (!s.enabled) continue;
    const firing =
      s.code === 'concernsFromProfessions'
        ? concernsFromProfessions(facts, s.params as TRuleParams['concernsFromProfessions'])
        : s.code === 'moveToRed'
          ? moveToRed(facts, s.params as TRuleParams['moveToRed'])
          : s.code === 'persistentRisk'
            ? persistentRisk(facts, s.params as TRuleParams['persistentRisk'])
            : absenceWithNewRisk(facts, s.params as TRuleParams['absenceWithNewRisk']);
    if (firing) firings.push(firing);
  }
  return firings;
}

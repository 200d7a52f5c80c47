import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TChildFacts, TConcernFact, TJointFact } from './facts.ts';
import { defaultParams } from './params.ts';
import { evaluateRules, type TRuleSetting } from './rules.ts';

const SETTINGS: TRuleSetting[] = (
  ['concernsFromProfessions', 'moveToRed', 'persistentRisk', 'absenceWithNewRisk'] as const
).map((code) => ({ code, enabled: true, params: defaultParams(code) }));

const day = fc
  .integer({ min: 0, max: 120 })
  .map((d) => new Date(Date.UTC(2026, 7, 1) + d * 86_400_000).toISOString().slice(0, 10));
const concern: fc.Arbitrary<TConcernFact> = fc.record({
  id: fc.uuid(),
  on: day,
  at: fc.integer({ min: 0, max: 86_399 }).map((s) => `T${String(s).padStart(5, '0')}`),
  profession: fc.constantFrom('teacher', 'leader', 'ppr', 'healthVisitor'),
  signs: fc.subarray(['withdrawn', 'beginningAbsence', 'actingOut']),
  factorCodes: fc.subarray(['R-A', 'R-B', 'P-X']),
});
const joint: fc.Arbitrary<TJointFact> = fc.record({
  id: fc.uuid(),
  assessedOn: day,
  position: fc.constantFrom('green', 'yellow', 'red'),
  presentRisk: fc.subarray(['R-A', 'R-B', 'R-C']),
});
const facts = fc.record({
  concerns: fc.uniqueArray(concern, { selector: (c) => c.id, maxLength: 8 }),
  joints: fc.uniqueArray(joint, { selector: (j) => j.assessedOn, maxLength: 4 }),
});

const child = (f: { concerns: TConcernFact[]; joints: TJointFact[] }): TChildFacts => ({
  today: '2026-11-29',
  concerns: f.concerns,
  joints: f.joints,
  riskCodes: new Set(['R-A', 'R-B', 'R-C']),
});

describe('early-warning rules, for any facts', () => {
  it('fire the same, with the same keys and reasons, whatever order the facts come in', () => {
    fc.assert(
      fc.property(facts, fc.nat(), (f, seed) => {
        const shuffle = <T>(xs: T[]) =>
          xs
            .map((x, i) => [x, (i * 7919 + seed) % 1009] as const)
            .sort((a, b) => a[1] - b[1])
            .map(([x]) => x);
        const a = evaluateRules(child(f), SETTINGS);
        const b = evaluateRules(
          child({ concerns: shuffle(f.concerns), joints: shuffle(f.joints) }),
          SETTINGS,
        );
        expect(b).toEqual(a);
      }),
    );
  });

  it('every firing explains itself with its own rule code and a key naming the rule', () => {
    fc.assert(
      fc.property(facts, (f) => {
        for (const firing of evaluateRules(child(f), SETTINGS)) {
          expect(firing.reason.code).toBe(firing.rule);
          expect(firing.dedupeKey.startsWith(`${firing.rule}:`)).toBe(true);
        }
      }),
    );
  });

  it('a disabled rule never fires', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...SETTINGS.map((s) => s.code)), (f, off) => {
        const settings = SETTINGS.map((s) => (s.code === off ? { ...s, enabled: false } : s));
        expect(evaluateRules(child(f), settings).some((x) => x.rule === off)).toBe(false);
      }),
    );
  });
});

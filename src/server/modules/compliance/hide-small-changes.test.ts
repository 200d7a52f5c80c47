import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TComplianceRow } from '../../../shared/schemas/compliance.ts';
import { hideSmallChanges } from './compute-compliance.ts';

const row = (n: number, meanChange: number): TComplianceRow => {
  const cell = () => ({ total: 0, onTime: 0, share: null });
  return {
    key: `team-${n}`,
    name: 'Team',
    scope: 'team',
    notified: cell(),
    receipts: cell(),
    assessment: cell(),
    plan: cell(),
    followUp: cell(),
    protective: { n, meanChange, suppressed: false },
  };
};

describe('the change in protective share per team', () => {
  it('hides a second team beside a single small one, so the total cannot give it away', () => {
    // 3 × m₁ = 23 × total − 12 × m₂ − 8 × m₃: one hidden team beside a shown total is no secret.
    const teams = [row(3, 0.2), row(12, 0.05), row(8, -0.1)];
    const all = row(23, (3 * 0.2 + 12 * 0.05 - 8 * 0.1) / 23);
    hideSmallChanges(all, teams);
    expect(teams.map((t) => t.protective.meanChange)).toEqual([null, 0.05, null]);
    expect(all.protective.meanChange).not.toBeNull();
  });

  it('never leaves exactly one hidden team beside a shown total, for any team sizes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 8 }), (ns) => {
        const teams = ns.map((n) => row(n, 0.1));
        const all = row(
          ns.reduce((a, b) => a + b, 0),
          0.1,
        );
        hideSmallChanges(all, teams);
        const hidden = teams.filter((t) => t.protective.n > 0 && t.protective.meanChange === null);
        if (all.protective.meanChange !== null) expect(hidden.length).not.toBe(1);
        for (const t of teams)
          if (t.protective.n < 5) expect(t.protective).toMatchObject({ meanChange: null, suppressed: true });
      }),
    );
  });
});

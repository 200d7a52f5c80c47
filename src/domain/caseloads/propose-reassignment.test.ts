import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadsAfter, proposeReassignment, type TCandidate } from './propose-reassignment.ts';

const A = 'team-a';
const B = 'team-b';

describe('proposeReassignment', () => {
  const table: {
    why: string;
    cases: { caseId: string; teamId: string }[];
    candidates: TCandidate[];
    expected: Record<string, string | null>;
  }[] = [
    {
      why: 'the lightest caseload in the team takes the case',
      cases: [{ caseId: 'c1', teamId: A }],
      candidates: [
        { userId: 'u-heavy', teamId: A, openCases: 12 },
        { userId: 'u-light', teamId: A, openCases: 3 },
      ],
      expected: { c1: 'u-light' },
    },
    {
      why: 'cases spread until the loads are even, then alternate',
      cases: ['c1', 'c2', 'c3', 'c4'].map((caseId) => ({ caseId, teamId: A })),
      candidates: [
        { userId: 'u1', teamId: A, openCases: 5 },
        { userId: 'u2', teamId: A, openCases: 3 },
      ],
      expected: { c1: 'u2', c2: 'u2', c3: 'u1', c4: 'u2' },
    },
    {
      why: 'a case stays in its own team, however light another team is',
      cases: [
        { caseId: 'c1', teamId: A },
        { caseId: 'c2', teamId: B },
      ],
      candidates: [
        { userId: 'u-a', teamId: A, openCases: 30 },
        { userId: 'u-b', teamId: B, openCases: 0 },
      ],
      expected: { c1: 'u-a', c2: 'u-b' },
    },
    {
      why: 'the leaving caseworker is never proposed, even with the lightest load',
      cases: [{ caseId: 'c1', teamId: A }],
      candidates: [
        { userId: 'leaving', teamId: A, openCases: 0 },
        { userId: 'u1', teamId: A, openCases: 9 },
      ],
      expected: { c1: 'u1' },
    },
    {
      why: 'a team with nobody else leaves the choice to the manager',
      cases: [{ caseId: 'c1', teamId: B }],
      candidates: [{ userId: 'u1', teamId: A, openCases: 0 }],
      expected: { c1: null },
    },
    {
      why: 'equal loads: ties go to the lower user id, so the proposal is stable',
      cases: [{ caseId: 'c1', teamId: A }],
      candidates: [
        { userId: 'u2', teamId: A, openCases: 4 },
        { userId: 'u1', teamId: A, openCases: 4 },
      ],
      expected: { c1: 'u1' },
    },
  ];
  for (const row of table) {
    it(row.why, () => {
      const moves = proposeReassignment(row.cases, row.candidates, 'leaving');
      expect(Object.fromEntries(moves.map((m) => [m.caseId, m.targetUserId]))).toEqual(row.expected);
    });
  }

  it('for any input: every target is in the case’s team, never the leaver, and loads end within one of each other when they start equal', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 20 }),
        (people, caseCount, start) => {
          const candidates: TCandidate[] = Array.from({ length: people }, (_, i) => ({
            userId: `u${i}`,
            teamId: A,
            openCases: start,
          }));
          candidates.push({ userId: 'leaving', teamId: A, openCases: caseCount });
          const cases = Array.from({ length: caseCount }, (_, i) => ({ caseId: `c${i}`, teamId: A }));
          const moves = proposeReassignment(cases, candidates, 'leaving');
          expect(moves).toHaveLength(caseCount);
          for (const m of moves) {
            expect(m.targetUserId).not.toBe('leaving');
            expect(m.targetUserId).toMatch(/^u\d$/);
          }
          const loads = [...loadsAfter(candidates, moves)]
            .filter(([id]) => id !== 'leaving')
            .map(([, n]) => n);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          expect(loads.reduce((a, b) => a + b, 0)).toBe(people * start + caseCount);
        },
      ),
    );
  });

  it('for any starting loads: never hands a case to someone while a lighter colleague in the team exists', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }), (starts) => {
        const candidates = starts.map((openCases, i) => ({ userId: `u${i}`, teamId: A, openCases }));
        const [move] = proposeReassignment([{ caseId: 'c', teamId: A }], candidates, 'leaving');
        const chosen = candidates.find((c) => c.userId === move?.targetUserId);
        expect(chosen?.openCases).toBe(Math.min(...starts));
      }),
    );
  });
});

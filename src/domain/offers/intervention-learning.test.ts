import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeSummary,
  comparableNonStarters,
  groupChange,
  groupFigures,
  type TLearningPair,
} from './intervention-learning.ts';
import { protectKind } from './learning-disclosure.ts';

const share = fc.integer({ min: 0, max: 12 }).map((k) => k / 12);
const pair = fc.record({ before: share, after: share });

const learningPair = (childId: string, ageBand: string, position: string, before: number, after: number) =>
  ({
    childId,
    ageBand,
    position,
    before: { all: before, themes: { a: before } },
    after: { all: after, themes: {} },
  }) satisfies TLearningPair;

describe('changeSummary', () => {
  it('gives the plain means and an interval around the mean change inside [-1, 1] (property)', () => {
    fc.assert(
      fc.property(
        fc.array(pair, { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        (ps, extra) => {
          const s = changeSummary(ps, ps.length + extra);
          const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
          expect(s.n).toBe(ps.length);
          expect(s.meanBefore).toBeCloseTo(mean(ps.map((p) => p.before)), 12);
          expect(s.meanAfter).toBeCloseTo(mean(ps.map((p) => p.after)), 12);
          expect(s.meanChange).toBeCloseTo(mean(ps.map((p) => p.after - p.before)), 12);
          expect(s.coverage).toBeCloseTo(ps.length / (ps.length + extra), 12);
          const [lo, hi] = s.ci95 ?? [Number.NaN, Number.NaN];
          expect(lo).toBeGreaterThanOrEqual(-1);
          expect(hi).toBeLessThanOrEqual(1);
          expect(lo).toBeLessThanOrEqual(s.meanChange as number);
          expect(hi).toBeGreaterThanOrEqual(s.meanChange as number);
          expect(hi).toBeGreaterThan(lo);
        },
      ),
    );
  });

  it('has no interval below two children', () => {
    expect(changeSummary([{ before: 0.5, after: 1 }]).ci95).toBeNull();
    expect(changeSummary([]).meanChange).toBeNull();
  });
});

describe('the groups compared', () => {
  it('counts a theme only where both assessments know it', () => {
    const g = groupChange([learningPair('c1', '6-9', 'green', 0.5, 0.75)], ['a']);
    expect(g.overall.n).toBe(1);
    expect(g.themes.get('a')?.n).toBe(0);
  });

  it('leaves the kind’s other starters out of an offer’s comparison when told to', () => {
    const a = learningPair('a1', '6-9', 'green', 0.5, 0.6);
    const sister = learningPair('b1', '6-9', 'green', 0.2, 0.9);
    const other = learningPair('n1', '6-9', 'green', 0.4, 0.4);
    const pool = [a, sister, other];
    const own = groupFigures(new Set(['a1']), [a], pool, []);
    expect(own.reference.overall.n).toBe(2);
    const inKind = groupFigures(new Set(['a1']), [a], pool, [], new Set(['a1', 'b1']));
    expect(inKind.reference.overall.n).toBe(1);
    expect(inKind.started).toBe(1);
  });

  it('compares with non-starters of the starters’ age bands and positions only', () => {
    const starters = [learningPair('s1', '6-9', 'yellow', 0.5, 0.6)];
    const pool = [
      learningPair('s1', '6-9', 'yellow', 0.5, 0.6),
      learningPair('n1', '6-9', 'yellow', 0.4, 0.4),
      learningPair('n2', '6-9', 'red', 0.4, 0.4),
      learningPair('n3', '10-12', 'yellow', 0.4, 0.4),
    ];
    expect(comparableNonStarters(starters, new Set(['s1']), pool).map((p) => p.childId)).toEqual(['n1']);
  });
});

const group = (n: number, themeN = n, refN = 10) => {
  const summary = (k: number) => ({
    n: k,
    meanBefore: null,
    meanAfter: null,
    meanChange: null,
    ci95: null,
    coverage: null,
  });
  return {
    started: n,
    starters: { overall: summary(n), themes: new Map([['a', summary(themeN)]]) },
    reference: { overall: summary(refN), themes: new Map([['a', summary(refN)]]) },
  };
};

describe('protectKind', () => {
  it('hides the smallest other offer beside a single small one, and keeps the kind when it can', () => {
    const v = protectKind([group(7), group(6), group(2)], group(15), ['a']);
    expect(v.offers.map((o) => o.starters)).toEqual([true, false, false]);
    expect(v.kind.starters).toBe(true);
    expect(v.offers[1]?.startersThemes.get('a')).toBe(false);
    expect(v.offers[1]?.reference).toBe(false);
  });

  it('leaves offers no child has a pair for out of the line', () => {
    const v = protectKind([group(8), group(0), group(0)], group(8), ['a']);
    expect(v.offers[0]?.starters).toBe(true);
    expect(v.kind.starters).toBe(true);
  });

  it('never leaves exactly one hidden group on a line, and shows nothing under five (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 8 }), (ns) => {
        const offers = ns.map((n) => group(n, Math.max(0, n - 1)));
        const kind = group(ns.reduce((a, b) => a + b, 0));
        const v = protectKind(offers, kind, ['a']);
        const all = [...v.offers, v.kind];
        const counts = [...ns, ns.reduce((a, b) => a + b, 0)];
        const hiddenPresent = all.filter((g, i) => (counts[i] ?? 0) > 0 && !g.starters).length;
        expect(hiddenPresent === 0 || hiddenPresent >= 2).toBe(true);
        all.forEach((g, i) => {
          if (g.starters) expect(counts[i]).toBeGreaterThanOrEqual(5);
          if (!g.starters) expect(g.startersThemes.get('a')).toBe(false);
        });
      }),
    );
  });
});

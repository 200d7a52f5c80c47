import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  median,
  PERIOD_KINDS,
  periodOf,
  practiceCells,
  quarterOf,
  type TActionFact,
  type TEpisodeFact,
  type TFollowUpFact,
  wholePeriods,
} from './practice-figures.ts';

const episodes = (group: string, n: number, toAction: number | null = 3): TEpisodeFact[] =>
  Array.from({ length: n }, (_, i) => ({
    period: '2027-Q1',
    group,
    toAction: toAction === null ? null : toAction + i,
    toMeeting: 10 + i,
    toNotification: i === 0 ? 20 : null,
  }));
const actions = (group: string, onTime: number, late: number): TActionFact[] => [
  ...Array.from({ length: onTime }, () => ({ period: '2027-Q1', group, onTime: true })),
  ...Array.from({ length: late }, () => ({ period: '2027-Q1', group, onTime: false })),
];
const followUps = (
  group: string,
  yes: number,
  partly: number,
  no: number,
  missed: number,
): TFollowUpFact[] => [
  ...Array.from({ length: yes }, () => ({ period: '2027-Q1', group, helped: 'yes' as const })),
  ...Array.from({ length: partly }, () => ({ period: '2027-Q1', group, helped: 'partly' as const })),
  ...Array.from({ length: no }, () => ({ period: '2027-Q1', group, helped: 'no' as const })),
  ...Array.from({ length: missed }, () => ({ period: '2027-Q1', group, helped: null })),
];

describe('practice figures', () => {
  it.each([
    ['2027-01-01', '2027-Q1'],
    ['2027-03-31', '2027-Q1'],
    ['2027-04-01', '2027-Q2'],
    ['2027-12-31', '2027-Q4'],
  ])('quarter of %s is %s', (date, q) => expect(quarterOf(date)).toBe(q));

  it.each([
    ['2027-06-30', 'quarter', '2027-Q2'],
    ['2027-06-30', 'half', '2027-H1'],
    ['2027-07-01', 'half', '2027-H2'],
    ['2027-07-01', 'year', '2027'],
  ] as const)('%s by %s is %s', (date, kind, p) => expect(periodOf(date, kind)).toBe(p));

  it.each([
    ['2027-02-14', '2027-02-20', 'quarter', '2027-01-01', '2027-03-31'],
    ['2027-03-31', '2027-04-01', 'quarter', '2027-01-01', '2027-06-30'],
    ['2028-02-29', '2028-02-29', 'half', '2028-01-01', '2028-06-30'],
    ['2027-07-01', '2027-12-31', 'half', '2027-07-01', '2027-12-31'],
    ['2026-11-30', '2027-01-02', 'year', '2026-01-01', '2027-12-31'],
  ] as const)('%s to %s in whole %ss is %s to %s', (from, to, kind, wholeFrom, wholeTo) =>
    expect(wholePeriods(from, to, kind)).toEqual({ from: wholeFrom, to: wholeTo }),
  );

  it('counts by whole periods: any two ranges touching the same periods give the same bounds', () => {
    const day = fc
      .date({
        min: new Date('2020-01-01T00:00:00Z'),
        max: new Date('2035-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10));
    const next = (iso: string) =>
      new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    fc.assert(
      fc.property(day, day, fc.constantFrom(...PERIOD_KINDS), (a, b, kind) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const whole = wholePeriods(from, to, kind);
        expect(periodOf(whole.from, kind)).toBe(periodOf(from, kind));
        expect(periodOf(whole.to, kind)).toBe(periodOf(to, kind));
        // The day before and the day after lie in other periods: nothing of a period is left out.
        expect(periodOf(next(whole.to), kind)).not.toBe(periodOf(to, kind));
        expect(whole.from.endsWith('-01')).toBe(true);
        expect(wholePeriods(whole.from, whole.to, kind)).toEqual(whole);
      }),
    );
  });

  it.each([
    [[], null],
    [[4], 4],
    [[1, 3], 2],
    [[5, 1, 3], 3],
    [[1, 2, 3, 10], 2.5],
  ])('median of %j is %s', (values, expected) => expect(median(values)).toBe(expected));

  it('gives medians, on-time share, follow-ups held and the helped distribution for big enough groups', () => {
    const cells = practiceCells(
      [...episodes('A', 6), ...episodes('B', 5)],
      [...actions('A', 4, 2), ...actions('B', 5, 0)],
      [...followUps('A', 2, 2, 2, 1), ...followUps('B', 5, 0, 0, 0)],
    );
    const a = cells.find((c) => c.group === 'A');
    expect(a?.concerns).toEqual({
      n: 6,
      toAction: { reached: 6, medianDays: 5.5 },
      toMeeting: { reached: 6, medianDays: 12.5 },
      toNotification: { reached: 1, medianDays: null },
    });
    expect(a?.actions).toEqual({ n: 6, onTime: 4, share: 0.667 });
    expect(a?.followUps).toEqual({ n: 7, held: 6, share: 0.857 });
    // Each "did it help" answer in A is under 5: all hidden.
    expect(a?.helped).toEqual({ yes: null, partly: null, no: null });
    const total = cells.find((c) => c.group === null);
    expect(total?.concerns.n).toBe(11);
    expect(total?.actions).toEqual({ n: 11, onTime: 9, share: 0.818 });
  });

  it('hides a small group, and a complementary one so the total does not give it away', () => {
    const cells = practiceCells([...episodes('A', 3), ...episodes('B', 8), ...episodes('C', 9)], [], []);
    const n = (g: string | null) => cells.find((c) => c.group === g)?.concerns.n;
    expect(n('A')).toBeNull();
    expect(n('B')).toBeNull();
    expect(n('C')).toBe(9);
    expect(n(null)).toBe(20);
    expect(cells.find((c) => c.group === 'A')?.concerns.toAction).toEqual({
      reached: null,
      medianDays: null,
    });
  });

  it('says why a figure is hidden: too few cases, or to protect another cell', () => {
    const cells = practiceCells(
      [...episodes('A', 3), ...episodes('B', 8), ...episodes('C', 9)],
      actions('C', 5, 1),
      [],
    );
    const hidden = (g: string | null) => cells.find((c) => c.group === g)?.hidden;
    expect(hidden('A')).toMatchObject({ concerns: 'primary', toAction: 'primary', actions: 'primary' });
    expect(hidden('B')).toMatchObject({ concerns: 'complementary', toMeeting: 'complementary' });
    // C is shown; only one case reached a notification, so that median is hidden as too few.
    expect(hidden('C')).toMatchObject({ toNotification: 'primary' });
    expect(hidden('C')).not.toHaveProperty('concerns');
    expect(hidden('C')).not.toHaveProperty('toAction');
    expect(hidden('C')).not.toHaveProperty('actions');
    expect(hidden(null)).toMatchObject({ toNotification: 'primary' });
    expect(hidden(null)).not.toHaveProperty('concerns');
  });

  it('names a hidden "did it help" answer, and nothing when no follow-up was held', () => {
    const cells = practiceCells([], [], [...followUps('A', 6, 5, 2, 0), ...followUps('B', 0, 0, 0, 6)]);
    const a = cells.find((c) => c.group === 'A');
    expect(a?.helped).toEqual({ yes: 6, partly: null, no: null });
    expect(a?.hidden).toMatchObject({ partly: 'complementary', no: 'primary' });
    expect(a?.hidden).not.toHaveProperty('yes');
    expect(a?.hidden).not.toHaveProperty('followUps');
    const b = cells.find((c) => c.group === 'B')?.hidden;
    for (const answer of ['yes', 'partly', 'no']) expect(b).not.toHaveProperty(answer);
  });

  it('gives the exact 95 % interval of each shown share, and none for a hidden one', () => {
    const cells = practiceCells(
      [],
      [...actions('A', 4, 2), ...actions('B', 1, 1), ...actions('C', 2, 1)],
      followUps('A', 5, 0, 0, 0),
    );
    const a = cells.find((c) => c.group === 'A');
    const [lo, hi] = a?.ci95.actions ?? [Number.NaN, Number.NaN];
    // Clopper–Pearson for 4 of 6: 22.3 %–95.7 %.
    expect(lo).toBeCloseTo(0.223, 3);
    expect(hi).toBeCloseTo(0.957, 3);
    expect(a?.ci95.followUps).toEqual([0.478, 1]);
    expect(a?.ci95.helped).toEqual([0.478, 1]);
    expect(cells.find((c) => c.group === 'B')?.ci95).toEqual({
      actions: null,
      followUps: null,
      helped: null,
    });
  });

  it('every shown share lies inside its interval', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 }), (onTime, late) => {
        const total = practiceCells([], actions('A', onTime, late), []).find((c) => c.group === null);
        const share = total?.actions.share;
        const ci = total?.ci95.actions;
        if (share === null || share === undefined) return ci === null;
        return ci !== null && ci !== undefined && ci[0] <= share + 0.001 && share <= ci[1] + 0.001;
      }),
    );
  });

  it('keeps periods apart', () => {
    const cells = practiceCells(
      [],
      [
        { period: '2027-Q1', group: 'A', onTime: true },
        { period: '2027-Q2', group: 'A', onTime: false },
      ],
      [],
    );
    expect(cells.map((c) => `${c.period}:${c.group}`)).toEqual([
      '2027-Q1:A',
      '2027-Q1:null',
      '2027-Q2:A',
      '2027-Q2:null',
    ]);
  });
});

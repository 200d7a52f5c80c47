import { computeShareInterval } from '../measurement/share-interval.ts';
import { isHidden, MIN_CELL, suppressList, type TCellVisibility } from '../measurement/suppression.ts';

/**
 * Practice analytics for leaders (issue 4, part 8): how fast a concern leads to an action, a meeting and a
 * notification; how many actions are done on time; how many follow-ups are held; did it help. Figures are
 * per period (quarter) and per group (unit or profession); a group's figure is hidden when fewer than
 * MIN_CELL cases lie behind it, and a complementary one is hidden where the period's total would give it
 * away (src/domain/measurement/suppression.ts).
 */

export interface TEpisodeFact {
  period: string;
  group: string;
  /** Days from the first concern to the first action, meeting, notification; null when none happened. */
  toAction: number | null;
  toMeeting: number | null;
  toNotification: number | null;
}
export interface TActionFact {
  period: string;
  group: string;
  onTime: boolean;
}
export interface TFollowUpFact {
  period: string;
  group: string;
  helped: 'yes' | 'partly' | 'no' | null;
}

export interface TTiming {
  /** Cases that reached the step, and the median days it took. */
  reached: number | null;
  medianDays: number | null;
}
export type TPracticeFigure =
  | 'concerns'
  | 'toAction'
  | 'toMeeting'
  | 'toNotification'
  | 'actions'
  | 'followUps'
  | 'yes'
  | 'partly'
  | 'no';
/** Why a figure is null: fewer than MIN_CELL cases behind it, or hidden so another hidden one stays hidden. */
export type THiddenBecause = 'primary' | 'complementary';
export type TShareInterval = readonly [number, number];

export interface TPracticeCell {
  period: string;
  /** null: the period's total over every group. */
  group: string | null;
  concerns: { n: number | null; toAction: TTiming; toMeeting: TTiming; toNotification: TTiming };
  actions: { n: number | null; onTime: number | null; share: number | null };
  followUps: { n: number | null; held: number | null; share: number | null };
  helped: { yes: number | null; partly: number | null; no: number | null };
  /** The figures that are null because they are hidden, and why; a figure not named is shown (or has no case). */
  hidden: Partial<Record<TPracticeFigure, THiddenBecause>>;
  /**
   * 95 % intervals (exact binomial, as the measurement shares) of the shown shares: actions on time, follow-ups
   * held, and "it helped" among the follow-ups held. They depend on the shown n and count only, so they give
   * nothing away that the figures do not. Medians have none: a distribution-free interval for a median is a
   * pair of the cases' own values (for five cases, the smallest and the largest).
   */
  ci95: { actions: TShareInterval | null; followUps: TShareInterval | null; helped: TShareInterval | null };
}

export function quarterOf(isoDate: string): string {
  const month = Number(isoDate.slice(5, 7));
  return `${isoDate.slice(0, 4)}-Q${Math.ceil(month / 3)}`;
}

export const PERIOD_KINDS = ['quarter', 'half', 'year'] as const;
export type TPeriodKind = (typeof PERIOD_KINDS)[number];

/** The period a day falls in: 2027-Q2, 2027-H1 or 2027. Longer periods gather enough cases to show. */
export function periodOf(isoDate: string, kind: TPeriodKind): string {
  if (kind === 'quarter') return quarterOf(isoDate);
  if (kind === 'half') return `${isoDate.slice(0, 4)}-H${Number(isoDate.slice(5, 7)) <= 6 ? 1 : 2}`;
  return isoDate.slice(0, 4);
}

/**
 * The first and last day of the whole periods a date range touches: practice figures are counted by whole
 * periods, so no two answers differ by a few days' cases that differencing them would single out.
 */
export function wholePeriods(from: string, to: string, kind: TPeriodKind): { from: string; to: string } {
  const months = kind === 'quarter' ? 3 : kind === 'half' ? 6 : 12;
  const startMonth = (iso: string) => Math.floor((Number(iso.slice(5, 7)) - 1) / months) * months + 1;
  const first = startMonth(from);
  const last = startMonth(to) + months - 1;
  // Day 0 of the next month is the last day of this one.
  const end = new Date(Date.UTC(Number(to.slice(0, 4)), last, 0)).toISOString().slice(0, 10);
  return { from: `${from.slice(0, 4)}-${String(first).padStart(2, '0')}-01`, to: end };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 1000;

function interval(n: number | null, count: number | null): TShareInterval | null {
  if (n === null || count === null || n === 0) return null;
  const { lo, hi } = computeShareInterval({ lo: 0, hi: 1 }, n, count);
  return [Math.round(lo * 1000) / 1000, Math.round(hi * 1000) / 1000];
}

/** The reason a figure is hidden: its line's visibility first, then its own count against MIN_CELL. */
function because(line: TCellVisibility, ownCount: number): THiddenBecause | undefined {
  if (line === 'primary' || line === 'complementary') return line;
  return ownCount > 0 && ownCount < MIN_CELL ? 'primary' : undefined;
}

function timing(values: (number | null)[], visible: boolean): TTiming {
  const reached = values.filter((v): v is number => v !== null);
  if (!visible) return { reached: null, medianDays: null };
  // The median of a handful of cases would identify them: it needs MIN_CELL cases too.
  return { reached: reached.length, medianDays: reached.length >= MIN_CELL ? median(reached) : null };
}

/** Visibility of each group's n and of the total, per period (groups and total form one line). */
function visibilityByGroup(
  groups: readonly string[],
  counts: readonly number[],
): Map<string | null, TCellVisibility> {
  const { cells, total } = suppressList(counts);
  const map = new Map<string | null, TCellVisibility>(groups.map((g, i) => [g, cells[i] ?? 'primary']));
  map.set(null, total ?? 'shown');
  return map;
}

export function practiceCells(
  episodes: readonly TEpisodeFact[],
  actions: readonly TActionFact[],
  followUps: readonly TFollowUpFact[],
): TPracticeCell[] {
  const periods = [...new Set([...episodes, ...actions, ...followUps].map((f) => f.period))].sort();
  const cells: TPracticeCell[] = [];
  for (const period of periods) {
    const inPeriod = <T extends { period: string }>(xs: readonly T[]) =>
      xs.filter((x) => x.period === period);
    const ep = inPeriod(episodes);
    const ac = inPeriod(actions);
    const fu = inPeriod(followUps);
    const groups = [...new Set([...ep, ...ac, ...fu].map((f) => f.group))].sort();
    const of = <T extends { group: string }>(xs: readonly T[], g: string | null) =>
      g === null ? [...xs] : xs.filter((x) => x.group === g);
    const epVis = visibilityByGroup(
      groups,
      groups.map((g) => of(ep, g).length),
    );
    const acVis = visibilityByGroup(
      groups,
      groups.map((g) => of(ac, g).length),
    );
    const fuVis = visibilityByGroup(
      groups,
      groups.map((g) => of(fu, g).length),
    );
    for (const g of [...groups, null]) {
      const e = of(ep, g);
      const a = of(ac, g);
      const f = of(fu, g);
      const eLine = epVis.get(g) ?? 'primary';
      const aLine = acVis.get(g) ?? 'primary';
      const fLine = fuVis.get(g) ?? 'primary';
      const eShown = !isHidden(eLine);
      const aShown = !isHidden(aLine);
      const fShown = !isHidden(fLine);
      const onTime = a.filter((x) => x.onTime).length;
      const held = f.filter((x) => x.helped !== null);
      const counts = [
        held.filter((x) => x.helped === 'yes').length,
        held.filter((x) => x.helped === 'partly').length,
        held.filter((x) => x.helped === 'no').length,
      ];
      const helpedVis = suppressList(counts).cells;
      const helpedCell = (i: number) =>
        fShown && held.length >= MIN_CELL && !isHidden(helpedVis[i] ?? 'primary')
          ? (counts[i] as number)
          : null;
      const reached = (pick: (x: TEpisodeFact) => number | null) => e.filter((x) => pick(x) !== null).length;
      const helpedWhy = (i: number): THiddenBecause | undefined => {
        if (helpedCell(i) !== null) return undefined;
        if (!fShown) return because(fLine, 0);
        if (held.length === 0) return undefined;
        return held.length < MIN_CELL ? 'primary' : because(helpedVis[i] ?? 'primary', 0);
      };
      const hiddenFigures: [TPracticeFigure, THiddenBecause | undefined][] = [
        ['concerns', because(eLine, 0)],
        [
          'toAction',
          because(
            eLine,
            reached((x) => x.toAction),
          ),
        ],
        [
          'toMeeting',
          because(
            eLine,
            reached((x) => x.toMeeting),
          ),
        ],
        [
          'toNotification',
          because(
            eLine,
            reached((x) => x.toNotification),
          ),
        ],
        ['actions', because(aLine, 0)],
        ['followUps', because(fLine, 0)],
        ['yes', helpedWhy(0)],
        ['partly', helpedWhy(1)],
        ['no', helpedWhy(2)],
      ];
      cells.push({
        period,
        group: g,
        concerns: {
          n: eShown ? e.length : null,
          toAction: timing(
            e.map((x) => x.toAction),
            eShown,
          ),
          toMeeting: timing(
            e.map((x) => x.toMeeting),
            eShown,
          ),
          toNotification: timing(
            e.map((x) => x.toNotification),
            eShown,
          ),
        },
        actions: {
          n: aShown ? a.length : null,
          onTime: aShown ? onTime : null,
          share: aShown ? share(onTime, a.length) : null,
        },
        followUps: {
          n: fShown ? f.length : null,
          held: fShown ? held.length : null,
          share: fShown ? share(held.length, f.length) : null,
        },
        helped: { yes: helpedCell(0), partly: helpedCell(1), no: helpedCell(2) },
        hidden: Object.fromEntries(hiddenFigures.filter(([, why]) => why !== undefined)),
        ci95: {
          actions: aShown ? interval(a.length, onTime) : null,
          followUps: fShown ? interval(f.length, held.length) : null,
          helped: helpedCell(0) === null ? null : interval(held.length, helpedCell(0)),
        },
      });
    }
  }
  return cells;
}

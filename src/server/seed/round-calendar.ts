import { addDays } from './dates.ts';

export interface TRoundSpec {
  name: string;
  /** The half-year the round measures, e.g. 2026H2. */
  period: string;
  opensOn: string;
  closesOn: string;
  /** Closed rounds lie wholly before today; the last round is open today. */
  open: boolean;
}

/** January–June is H1, July–December H2: the same rule the app uses for a round's period. */
export function periodOf(iso: string): string {
  return `${iso.slice(0, 4)}H${Number(iso.slice(5, 7)) <= 6 ? 1 : 2}`;
}

function previousPeriod(period: string): string {
  const year = Number(period.slice(0, 4));
  return period.endsWith('H2') ? `${year}H1` : `${year - 1}H2`;
}

function roundName(period: string): string {
  return `${period.endsWith('H1') ? 'Forår' : 'Efterår'} ${period.slice(0, 4)}`;
}

/**
 * `count` half-yearly rounds ending with one that is open today (opened 60 days ago, closes in 40, so it
 * stays open for a while after seeding), preceded by closed rounds in the usual windows: spring
 * 1 March–31 May, autumn 1 September–30 November. Relative to `today`, so a seed never goes stale.
 */
export function roundCalendar(today: string, count: number): TRoundSpec[] {
  const opensOn = addDays(today, -60);
  const period = periodOf(opensOn);
  const rounds: TRoundSpec[] = [
    { name: roundName(period), period, opensOn, closesOn: addDays(today, 40), open: true },
  ];
  let p = period;
  while (rounds.length < count) {
    p = previousPeriod(p);
    const year = p.slice(0, 4);
    const [from, to] = p.endsWith('H1') ? ['03-01', '05-31'] : ['09-01', '11-30'];
    rounds.unshift({
      name: roundName(p),
      period: p,
      opensOn: `${year}-${from}`,
      closesOn: `${year}-${to}`,
      open: false,
    });
  }
  return rounds;
}

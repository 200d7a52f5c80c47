/** "2026H1" or "2026-H1" → "1. halvår 2026" / "H1 2026"; "2026-Q1" → "1. kvartal 2026" / "Q1 2026". */
export function periodName(period: string, locale: string): string {
  const match = /^(\d{4})-?([HQ])([1-4])$/.exec(period);
  if (!match) return period;
  const [, year, kind, n] = match;
  if (locale === 'en') return `${kind}${n} ${year}`;
  return `${n}. ${kind === 'H' ? 'halvår' : 'kvartal'} ${year}`;
}

import { ageInYears } from '../../components/format';

const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'da-DK');

/** Today as yyyy-mm-dd in the browser's time zone (the day the user sees on the wall). */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole years on a given day (yyyy-mm-dd). */
export function ageOn(birthDate: string, day: string): number {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  return ageInYears(birthDate, new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(intlLocale(locale), { style: 'percent', maximumFractionDigits: 0 }).format(
    value,
  );
}

/** "2026H2" → "2. halvår 2026" / "H2 2026". */
export function formatPeriod(period: string, locale: string): string {
  const match = /^(\d{4})H([12])$/.exec(period);
  if (!match) return period;
  return locale === 'en' ? `H${match[2]} ${match[1]}` : `${match[2]}. halvår ${match[1]}`;
}

export const childName = (child: { firstName: string; lastName: string }) =>
  `${child.firstName} ${child.lastName}`;

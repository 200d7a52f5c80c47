import { periodName } from '../../../shared/period-name';

/** Danish (or English) number formats for the measurement figures: "62,4 %", "54,1–58,3 %", "+3,2 procentpoint". */
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'da-DK');

export function formatShare(value: number | null | undefined, locale: string, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(intlLocale(locale), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** "54,1–58,3 %": one percent sign after the range. */
export function formatInterval(ci: readonly [number, number] | null | undefined, locale: string): string {
  if (!ci) return '—';
  const number = new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  const unit = formatShare(1, locale, 0).replace(/[\d.,]/g, '');
  return `${number.format(ci[0] * 100)}–${number.format(ci[1] * 100)}${unit}`;
}

/** A change in percentage points, signed: "+3,2". */
export function formatPoints(delta: number | null | undefined, locale: string): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return '—';
  return new Intl.NumberFormat(intlLocale(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(delta * 100);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(value);
}

/** "2026H1" → "1. halvår 2026" / "H1 2026" (the one rule, shared with the exports). */
export const formatPeriod = periodName;

/** The periods from `from` to `to`, both included, in the order of `available` (sorted ascending). */
export function periodsBetween(available: readonly string[], from?: string, to?: string): string[] {
  return available.filter((p) => (!from || p >= from) && (!to || p <= to));
}

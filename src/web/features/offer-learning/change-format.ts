import type { TFunction } from 'i18next';
import type { TLearningCell } from '../../../shared/schemas/offer-learning';
import { formatPoints, formatShare } from '../measurement/format';

/** A change as signed points ("+3,2"), or why it is not shown. */
export function changeText(cell: TLearningCell, t: TFunction, locale: string): string {
  if (cell.hidden) return t('hidden');
  if (cell.meanChange === null) return t('notAvailable');
  return formatPoints(cell.meanChange, locale);
}

/** "−2,1 til +8,4" in points. */
export function intervalText(cell: TLearningCell, t: TFunction, locale: string): string {
  if (cell.hidden || !cell.ci95) return t('notAvailable');
  return t('interval', { lo: formatPoints(cell.ci95[0], locale), hi: formatPoints(cell.ci95[1], locale) });
}

export const shareText = (value: number | null, locale: string) => formatShare(value, locale);

import { FACTOR_DOMAINS } from '../../../shared/schemas/factors';
import type { TFactor, TFactorKind, TPolicyTheme } from './types';

export const FACTOR_KINDS: readonly TFactorKind[] = ['risk', 'protective'];
export { FACTOR_DOMAINS };

const isEnglish = (language: string) => language === 'en';

/** A factor's label in the UI language. */
export function factorLabel(factor: Pick<TFactor, 'labelDa' | 'labelEn'>, language: string): string {
  return isEnglish(language) ? factor.labelEn || factor.labelDa : factor.labelDa;
}

export function factorDescription(
  factor: Pick<TFactor, 'descriptionDa' | 'descriptionEn'>,
  language: string,
): string {
  return isEnglish(language) ? factor.descriptionEn || factor.descriptionDa : factor.descriptionDa;
}

export function themeName(theme: Pick<TPolicyTheme, 'nameDa' | 'nameEn'>, language: string): string {
  return isEnglish(language) ? theme.nameEn || theme.nameDa : theme.nameDa;
}

/** A date and time from the server (published_at) as a day in the browser's time zone. */
export function formatDay(iso: string | null, language: string): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(isEnglish(language) ? 'en-GB' : 'da-DK', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(date);
}

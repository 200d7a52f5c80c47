import type { TGuideAction, TGuideSign } from './types';

export function signLabel(sign: Pick<TGuideSign, 'labelDa' | 'labelEn'>, locale: string): string {
  return locale === 'en' ? sign.labelEn : sign.labelDa;
}

export function actionTitle(action: Pick<TGuideAction, 'titleDa' | 'titleEn'>, locale: string): string {
  return locale === 'en' ? action.titleEn : action.titleDa;
}

export function actionGuidance(
  action: Pick<TGuideAction, 'guidanceDa' | 'guidanceEn'>,
  locale: string,
): string {
  return locale === 'en' ? action.guidanceEn : action.guidanceDa;
}

/** Sign codes as the catalogue names them in the user's language (a retired or unknown code as itself). */
export function signNames(
  codes: readonly string[],
  signs: readonly TGuideSign[] | undefined,
  locale: string,
): string {
  const byCode = new Map((signs ?? []).map((s) => [s.code, s]));
  return codes
    .map((c) => {
      const s = byCode.get(c);
      return s ? signLabel(s, locale) : c;
    })
    .join(', ');
}

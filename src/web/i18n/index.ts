import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import daAdmin from './da/admin.json';
import daAssessments from './da/assessments.json';
import daAudit from './da/audit.json';
import daAuth from './da/auth.json';
import daCases from './da/cases.json';
import daChildren from './da/children.json';
import daCommon from './da/common.json';
import daConcerns from './da/concerns.json';
import daConferences from './da/conferences.json';
import daConsents from './da/consents.json';
import daFactors from './da/factors.json';
import daImports from './da/imports.json';
import daLetters from './da/letters.json';
import daMeasurement from './da/measurement.json';
import daMeetings from './da/meetings.json';
import daNetwork from './da/network.json';
import daNotices from './da/notices.json';
import daNotifications from './da/notifications.json';
import daOffers from './da/offers.json';
import daPlanning from './da/planning.json';
import daPractice from './da/practice.json';
import daWork from './da/work.json';

export const LOCALES = ['da', 'en'] as const;
export type TLocale = (typeof LOCALES)[number];

const LANG_COOKIE = 'beskyt_lang';

export function isLocale(value: unknown): value is TLocale {
  return value === 'da' || value === 'en';
}

/** The language chosen in this browser, if any (the server reads the same cookie for its messages). */
export function cookieLocale(): TLocale | null {
  const match = document.cookie.split('; ').find((part) => part.startsWith(`${LANG_COOKIE}=`));
  const value = match?.slice(LANG_COOKIE.length + 1);
  return isLocale(value) ? value : null;
}

export function rememberLocale(locale: TLocale): void {
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser we support
  document.cookie = `${LANG_COOKIE}=${locale}; path=/; SameSite=Strict; max-age=31536000`;
}

/**
 * English arrives on demand: an i18next backend that imports the English catalogues the first time English is
 * asked for (a chunk of its own), so the first page of a Danish user carries Danish only.
 */
const englishOnDemand = {
  type: 'backend' as const,
  init() {},
  read(language: string, namespace: string, callback: (error: unknown, data: object | null) => void) {
    if (language !== 'en') return callback(null, {});
    import('./en').then(
      ({ EN }) => callback(null, EN[namespace as keyof typeof EN] ?? {}),
      (error) => callback(error, null),
    );
  },
};

/** Loads the English catalogues before the first render of a user who chose English (no Danish flash). */
export async function loadStartLanguage(): Promise<void> {
  if (i18n.language === 'en') await i18n.loadLanguages('en');
}

void i18n
  .use(englishOnDemand)
  .use(initReactI18next)
  .init({
    partialBundledLanguages: true,
    resources: {
      da: {
        common: daCommon,
        auth: daAuth,
        children: daChildren,
        admin: daAdmin,
        audit: daAudit,
        measurement: daMeasurement,
        imports: daImports,
        assessments: daAssessments,
        factors: daFactors,
        concerns: daConcerns,
        notifications: daNotifications,
        notices: daNotices,
        cases: daCases,
        letters: daLetters,
        meetings: daMeetings,
        consents: daConsents,
        work: daWork,
        practice: daPractice,
        offers: daOffers,
        planning: daPlanning,
        network: daNetwork,
        conferences: daConferences,
      },
    },
    lng: cookieLocale() ?? 'da',
    fallbackLng: 'da',
    defaultNS: 'common',
    ns: [
      'common',
      'auth',
      'children',
      'admin',
      'audit',
      'measurement',
      'imports',
      'assessments',
      'factors',
      'concerns',
      'cases',
      'letters',
      'notifications',
      'notices',
      'meetings',
      'consents',
      'work',
      'practice',
      'offers',
      'planning',
      'network',
      'conferences',
    ],
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export { i18n };

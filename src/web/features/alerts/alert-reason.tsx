import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../components/format';
import type { TAlert } from './queries';

const DATE_KEYS = new Set(['since', 'assessedOn', 'absenceOn', 'meetingOn', 'dueOn', 'followUpOn']);
const TIME_KEYS = new Set(['dueAt']);

/** An alert's reason in the user's language: the rule's explanation with its numbers, dates and factors by name. */
export function AlertReason({
  reason,
  factorLabels = {},
}: {
  reason: TAlert['reason'];
  factorLabels?: TAlert['factorLabels'];
}) {
  const { t, i18n } = useTranslation('concerns');
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reason.params ?? {})) {
    if (DATE_KEYS.has(key) && typeof value === 'string') params[key] = formatDate(value, i18n.language);
    else if (TIME_KEYS.has(key) && typeof value === 'string')
      params[key] = formatDateTime(value, i18n.language);
    else if (key === 'professions' && Array.isArray(value)) {
      params.professions = value.map((p) => t(`profession.${p}`, { defaultValue: String(p) })).join(', ');
      params.professionCount = value.length;
    } else if (key === 'factors' && Array.isArray(value))
      params.factors = value.map((code) => factorLabels[String(code)] ?? String(code)).join(', ');
    else if (Array.isArray(value)) params[key] = value.join(', ');
    else if (key === 'from' && typeof value === 'string') params.from = t(`position.${value}`);
    else params[key] = value;
  }
  const key = reason.code === 'moveToRed' && !reason.params?.from ? 'moveToRedFirst' : reason.code;
  return <>{t(`reason.${key}`, { ...params, defaultValue: t('reason.unknown', { code: reason.code }) })}</>;
}

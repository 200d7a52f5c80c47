import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AlertReason } from '../alerts/alert-reason';
import type { TAlert } from '../alerts/queries';

/** Reasons raised by meetings and consents (reminders, consent ended) in the work namespace; the rest as alerts show them. */
const OWN = new Set([
  'actionDueSoon',
  'actionOverdue',
  'meetingSoon',
  'followUpDue',
  'consentExpired',
  'consentWithdrawn',
]);

export function WorkAlertReason({ reason }: { reason: TAlert['reason'] }) {
  const { t, i18n } = useTranslation('work');
  if (!OWN.has(reason.code)) return <AlertReason reason={reason} />;
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(reason.params ?? {}))
    params[key] =
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? formatDate(value, i18n.language)
        : value;
  return <>{t(`reason.${reason.code}`, params)}</>;
}

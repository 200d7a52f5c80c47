import type { TFunction } from 'i18next';
import type { TNotice } from '../../../shared/schemas/notices';

/** "Brev sendt", "Brev i kø", "Kræver manuel opfølgning (ingen adresse)" … */
export function noticeStatus(t: TFunction<'notices'>, n: TNotice): string {
  if (n.status === 'letter')
    return t(`status.${n.letterStatus === 'sent' ? 'letter' : (n.letterStatus ?? 'queued')}`);
  const reason = n.followUpReason ? ` (${t(`followUpReason.${n.followUpReason}`)})` : '';
  return `${t(`status.${n.status}`)}${reason}`;
}

/** The round's name, or the half-year for recordings outside rounds. */
export function noticeScope(n: { roundName: string | null; period: string }): string {
  return n.roundName ?? n.period;
}

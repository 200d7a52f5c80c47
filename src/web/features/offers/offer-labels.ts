import type { TOffer } from '../../../shared/schemas/offer-views';

/** "16:00–17:30 tirsdag" for each weekly session, in the reader's language. */
export function scheduleText(
  offer: Pick<TOffer, 'schedule' | 'scheduleNote'>,
  t: (key: string) => string,
): string {
  const sessions = offer.schedule.map((s) => `${t(`day.${s.day}`)} ${s.opensAt}–${s.closesAt}`);
  return [...sessions, offer.scheduleNote].filter(Boolean).join('; ');
}

import type { TReferralStatus } from '../../domain/offers/referral-status.ts';
import type { TLocale } from './errors.ts';

/** A referral's status in words, for messages that name one (a refused status change). */
export const REFERRAL_STATUS_LABELS: Record<TLocale, Record<TReferralStatus, string>> = {
  da: {
    sent: 'sendt',
    accepted: 'accepteret',
    waitingList: 'på venteliste',
    declined: 'afvist',
    started: 'startet',
    attending: 'deltager',
    ended: 'afsluttet',
  },
  en: {
    sent: 'sent',
    accepted: 'accepted',
    waitingList: 'on the waiting list',
    declined: 'declined',
    started: 'started',
    attending: 'attending',
    ended: 'ended',
  },
};

/**
 * The closed loop of a referral (issue 15, item 3), as a pure state machine. The provider answers a referral
 * that was sent — accepted, a place on the waiting list (with its position), or declined with a reason — then
 * records the start, confirms attendance period by period, and ends it with a reason. The referrer may end it
 * too: withdrawn before it starts, or because the family moved. Declined and ended are final.
 *
 *   sent ─┬─ accepted ──────┬─ started ── attending ─┬─ ended
 *         ├─ waitingList ───┤              (each     │
 *         │   (position)    │              period)   │
 *         └─ declined       └─ declined              │
 *   (any live status) ─────────────────────────────── ended
 */

export const REFERRAL_STATUSES = [
  'sent',
  'accepted',
  'waitingList',
  'declined',
  'started',
  'attending',
  'ended',
] as const;
export type TReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const DECLINE_REASONS = ['noCapacity', 'notEligible', 'noResponse', 'other'] as const;
export type TDeclineReason = (typeof DECLINE_REASONS)[number];

export const END_REASONS = ['completed', 'droppedOut', 'moved', 'withdrawn'] as const;
export type TEndReason = (typeof END_REASONS)[number];

/** Who acts: the provider (its partner users) or the municipality's side (the referrer, the child's adults). */
export type TReferralActor = 'provider' | 'referrer';

export type TReferralStep =
  | { status: 'accepted' }
  | { status: 'waitingList'; position: number }
  | { status: 'declined'; reason: TDeclineReason; note?: string }
  | { status: 'started' }
  | { status: 'attending'; period: string }
  | { status: 'ended'; reason: TEndReason; note?: string };

/** A referral still runs (and its basis may give a provider access) until declined or ended. */
export function isLive(status: TReferralStatus): boolean {
  return status !== 'declined' && status !== 'ended';
}

const NEXT: Record<TReferralStatus, readonly TReferralStatus[]> = {
  sent: ['accepted', 'waitingList', 'declined', 'ended'],
  waitingList: ['waitingList', 'accepted', 'declined', 'started', 'ended'],
  accepted: ['started', 'declined', 'ended'],
  started: ['attending', 'ended'],
  attending: ['attending', 'ended'],
  declined: [],
  ended: [],
};

/** Reasons each side may end a referral for: only the referrer withdraws it, and only before it has started. */
const END_REASONS_BY: Record<TReferralActor, readonly TEndReason[]> = {
  provider: ['completed', 'droppedOut', 'moved'],
  referrer: ['withdrawn', 'moved'],
};

export type TStepRefusal =
  /** The step does not follow from the current status (attending before accepted, anything after ended). */
  | { kind: 'outOfOrder'; from: TReferralStatus; to: TReferralStatus }
  /** This side may not take the step (a referrer accepting, a provider withdrawing). */
  | { kind: 'notYours'; to: TReferralStatus }
  /** The step needs a written reason (declined for another reason, dropped out). */
  | { kind: 'noteRequired' }
  | { kind: 'periodInFuture' }
  | { kind: 'periodBeforeStart' };

export interface TStepFacts {
  /** The month the referral started (YYYY-MM), once it has. */
  startedIn: string | null;
  /** Today (YYYY-MM-DD). */
  today: string;
}

/** Why `actor` may not take `step` from `from`, or null when they may. */
export function stepRefusal(
  from: TReferralStatus,
  step: TReferralStep,
  actor: TReferralActor,
  facts: TStepFacts,
): TStepRefusal | null {
  const to = step.status;
  if (actor === 'referrer' && to !== 'ended') return { kind: 'notYours', to };
  if (step.status === 'ended' && !END_REASONS_BY[actor].includes(step.reason))
    return { kind: 'notYours', to };
  if (!NEXT[from].includes(to)) return { kind: 'outOfOrder', from, to };
  if (step.status === 'ended' && step.reason === 'withdrawn' && (from === 'started' || from === 'attending'))
    return { kind: 'outOfOrder', from, to };
  if (
    (step.status === 'declined' && step.reason === 'other') ||
    (step.status === 'ended' && step.reason === 'droppedOut')
  )
    if (!step.note?.trim()) return { kind: 'noteRequired' };
  if (step.status === 'attending') {
    if (step.period > facts.today.slice(0, 7)) return { kind: 'periodInFuture' };
    if (facts.startedIn && step.period < facts.startedIn) return { kind: 'periodBeforeStart' };
  }
  return null;
}

/** The days a provider is given to answer before the referrer is alerted, and before the leader is told. */
export interface TAnswerDeadlines {
  alertWeekdays: number;
  escalateWeekdays: number;
}

export const DEFAULT_ANSWER_DEADLINES: Readonly<TAnswerDeadlines> = Object.freeze({
  alertWeekdays: 2,
  escalateWeekdays: 10,
});

/**
 * How late an unanswered referral is, from the weekdays passed since it was sent: the referrer is alerted at
 * `alertWeekdays`, the referrer's leader at `escalateWeekdays`.
 */
export function unansweredLevel(
  weekdaysWaited: number,
  deadlines: TAnswerDeadlines,
): 'none' | 'alert' | 'escalate' {
  if (weekdaysWaited >= deadlines.escalateWeekdays) return 'escalate';
  if (weekdaysWaited >= deadlines.alertWeekdays) return 'alert';
  return 'none';
}

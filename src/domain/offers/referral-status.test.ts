import { describe, expect, it } from 'vitest';
import {
  isLive,
  REFERRAL_STATUSES,
  stepRefusal,
  type TReferralActor,
  type TReferralStatus,
  type TReferralStep,
  type TStepRefusal,
  unansweredLevel,
} from './referral-status.ts';

const facts = { startedIn: '2026-03', today: '2026-05-14' };

const accept: TReferralStep = { status: 'accepted' };
const wait = (position: number): TReferralStep => ({ status: 'waitingList', position });
const decline = (reason: 'noCapacity' | 'other', note?: string): TReferralStep => ({
  status: 'declined',
  reason,
  note,
});
const start: TReferralStep = { status: 'started' };
const attend = (period: string): TReferralStep => ({ status: 'attending', period });
const end = (reason: 'completed' | 'droppedOut' | 'moved' | 'withdrawn', note?: string): TReferralStep => ({
  status: 'ended',
  reason,
  note,
});

type TRow = [TReferralStatus, TReferralStep, TReferralActor, TStepRefusal | null];

const P = 'provider';
const R = 'referrer';

describe('stepRefusal: the referral state machine', () => {
  const rows: TRow[] = [
    // The provider answers a sent referral.
    ['sent', accept, P, null],
    ['sent', wait(3), P, null],
    ['sent', decline('noCapacity'), P, null],
    ['sent', decline('other', 'Holdet er for ældre børn'), P, null],
    ['sent', decline('other'), P, { kind: 'noteRequired' }],
    ['sent', decline('other', '   '), P, { kind: 'noteRequired' }],
    ['sent', start, P, { kind: 'outOfOrder', from: 'sent', to: 'started' }],
    ['sent', attend('2026-05'), P, { kind: 'outOfOrder', from: 'sent', to: 'attending' }],
    // From the waiting list: a new position, a place, a start, or a decline.
    ['waitingList', wait(1), P, null],
    ['waitingList', accept, P, null],
    ['waitingList', start, P, null],
    ['waitingList', decline('noCapacity'), P, null],
    ['waitingList', attend('2026-05'), P, { kind: 'outOfOrder', from: 'waitingList', to: 'attending' }],
    // Accepted, then started, then attendance period by period.
    ['accepted', start, P, null],
    ['accepted', decline('noCapacity'), P, null],
    ['accepted', wait(2), P, { kind: 'outOfOrder', from: 'accepted', to: 'waitingList' }],
    ['accepted', attend('2026-05'), P, { kind: 'outOfOrder', from: 'accepted', to: 'attending' }],
    ['started', attend('2026-05'), P, null],
    ['started', attend('2026-03'), P, null],
    ['started', attend('2026-02'), P, { kind: 'periodBeforeStart' }],
    ['started', attend('2026-06'), P, { kind: 'periodInFuture' }],
    ['attending', attend('2026-04'), P, null],
    ['started', accept, P, { kind: 'outOfOrder', from: 'started', to: 'accepted' }],
    // Ending: the provider for completion, dropping out (with a reason) or a move.
    ['attending', end('completed'), P, null],
    ['attending', end('droppedOut', 'Mødte ikke op efter jul'), P, null],
    ['attending', end('droppedOut'), P, { kind: 'noteRequired' }],
    ['started', end('moved'), P, null],
    ['sent', end('withdrawn'), P, { kind: 'notYours', to: 'ended' }],
    // The referrer only ends: withdrawn before the start, or moved at any live point.
    ['sent', end('withdrawn'), R, null],
    ['accepted', end('withdrawn'), R, null],
    ['waitingList', end('withdrawn'), R, null],
    ['attending', end('withdrawn'), R, { kind: 'outOfOrder', from: 'attending', to: 'ended' }],
    ['attending', end('moved'), R, null],
    ['attending', end('completed'), R, { kind: 'notYours', to: 'ended' }],
    ['sent', accept, R, { kind: 'notYours', to: 'accepted' }],
    ['started', attend('2026-05'), R, { kind: 'notYours', to: 'attending' }],
    // Declined and ended are final, for either side.
    ['declined', accept, P, { kind: 'outOfOrder', from: 'declined', to: 'accepted' }],
    ['declined', end('withdrawn'), R, { kind: 'outOfOrder', from: 'declined', to: 'ended' }],
    ['ended', attend('2026-05'), P, { kind: 'outOfOrder', from: 'ended', to: 'attending' }],
    ['ended', end('completed'), P, { kind: 'outOfOrder', from: 'ended', to: 'ended' }],
  ];
  it.each(rows)('from %s, %o by the %s → %o', (from, step, actor, expected) => {
    expect(stepRefusal(from, step, actor, facts)).toEqual(expected);
  });

  it('lets attendance be confirmed from the first month when the start month is not known', () => {
    expect(stepRefusal('started', attend('2020-01'), P, { startedIn: null, today: '2026-05-14' })).toBeNull();
  });

  it('calls every status but declined and ended live', () => {
    expect(REFERRAL_STATUSES.filter(isLive)).toEqual([
      'sent',
      'accepted',
      'waitingList',
      'started',
      'attending',
    ]);
  });
});

describe('unansweredLevel', () => {
  const deadlines = { alertWeekdays: 2, escalateWeekdays: 10 };
  it.each([
    [0, 'none'],
    [1, 'none'],
    [2, 'alert'],
    [9, 'alert'],
    [10, 'escalate'],
    [30, 'escalate'],
  ] as const)('after %i weekdays: %s', (weekdays, level) => {
    expect(unansweredLevel(weekdays, deadlines)).toBe(level);
  });
  it('follows a municipality’s own deadlines', () => {
    expect(unansweredLevel(3, { alertWeekdays: 4, escalateWeekdays: 6 })).toBe('none');
    expect(unansweredLevel(6, { alertWeekdays: 4, escalateWeekdays: 6 })).toBe('escalate');
  });
});

import { describe, expect, it } from 'vitest';
import {
  consentStatus,
  itemAccess,
  schedulingProblem,
  type TConsentFacts,
  type TItemBasis,
  type TReader,
} from './sharing-rule.ts';

const consent = (over: Partial<TConsentFacts> = {}): TConsentFacts => ({
  id: 'c1',
  validFrom: '2027-01-01',
  validTo: '2027-06-30',
  withdrawn: false,
  infoKinds: ['concerns', 'wellbeing'],
  recipientUnitIds: ['school-1'],
  recipientProfessions: ['healthVisitor', 'ppr'],
  ...over,
});
const teacherAtSchool: TReader = { profession: 'teacher', unitIds: ['school-1'] };
const ppr: TReader = { profession: 'ppr', unitIds: [] };
const socialWorker: TReader = { profession: 'socialWorker', unitIds: ['team-9'] };

const byConsent = (c: TConsentFacts | null = consent()): TItemBasis => ({
  basis: 'consent',
  consent: c ?? undefined,
  meetingOn: '2027-03-10',
  followUpOn: '2027-05-10',
  followUpReason: null,
});
const byLaw = (over: Partial<TItemBasis> = {}): TItemBasis => ({
  basis: 'legalBasis',
  meetingOn: '2027-03-10',
  followUpOn: '2027-05-10',
  followUpReason: null,
  ...over,
});

describe('itemAccess: the sharing rule for a participant reading a named child', () => {
  it.each<[string, TItemBasis, TReader | null, string, string]>([
    ['a recipient unit within the period', byConsent(), teacherAtSchool, '2027-03-10', 'consent'],
    ['a recipient profession within the period', byConsent(), ppr, '2027-06-30', 'consent'],
    ['the first valid day', byConsent(), ppr, '2027-01-01', 'consent'],
    ['neither recipient unit nor profession', byConsent(), socialWorker, '2027-03-10', 'notRecipient'],
    ['the day after the consent ends', byConsent(), ppr, '2027-07-01', 'consentExpired'],
    ['before the consent starts', byConsent(), ppr, '2026-12-31', 'consentNotYetValid'],
    ['a withdrawn consent', byConsent(consent({ withdrawn: true })), ppr, '2027-03-10', 'consentWithdrawn'],
    ['a consent that is gone', byConsent(null), ppr, '2027-03-10', 'consentWithdrawn'],
    ['not a participant, even with consent', byConsent(), null, '2027-03-10', 'notParticipant'],
    ['legal basis before the meeting', byLaw(), socialWorker, '2027-03-01', 'legalBasis'],
    ['legal basis on the meeting day', byLaw(), socialWorker, '2027-03-10', 'legalBasis'],
    ['legal basis the day after the meeting', byLaw(), socialWorker, '2027-03-11', 'legalBasisMeetingPassed'],
    [
      'legal basis up to the follow-up with a recorded reason',
      byLaw({ followUpReason: 'Opfølgning aftalt' }),
      socialWorker,
      '2027-05-10',
      'legalBasis',
    ],
    [
      'legal basis after the follow-up even with a reason',
      byLaw({ followUpReason: 'Opfølgning aftalt' }),
      socialWorker,
      '2027-05-11',
      'legalBasisMeetingPassed',
    ],
    ['legal basis, not a participant', byLaw(), null, '2027-03-10', 'notParticipant'],
  ])('%s', (_why, item, reader, today, expected) => {
    const d = itemAccess(item, reader, today);
    expect(d.allowed ? d.basis : d.reason).toBe(expected);
  });

  it('shares the consent’s kinds plus who the child is, and only identity and concerns on the legal basis', () => {
    const c = itemAccess(byConsent(), ppr, '2027-03-10');
    expect(c.allowed && c.infoKinds).toEqual(['identity', 'concerns', 'wellbeing']);
    const l = itemAccess(byLaw(), ppr, '2027-03-10');
    expect(l.allowed && l.infoKinds).toEqual(['identity', 'concerns']);
  });
});

describe('schedulingProblem: putting a named child on the agenda', () => {
  const base = {
    meetingOn: '2027-03-10',
    today: '2027-03-01',
    earlierLegalBasisMeetings: 0,
    followUpReason: null,
  };
  it.each<[string, Parameters<typeof schedulingProblem>[0], string | null]>([
    ['a valid consent covering the meeting day', { ...base, basis: 'consent', consent: consent() }, null],
    [
      'a withdrawn consent',
      { ...base, basis: 'consent', consent: consent({ withdrawn: true }) },
      'consentWithdrawn',
    ],
    [
      'an expired consent',
      { ...base, basis: 'consent', consent: consent({ validTo: '2027-02-01' }) },
      'consentExpired',
    ],
    [
      'a consent ending before the meeting',
      { ...base, basis: 'consent', consent: consent({ validTo: '2027-03-05' }) },
      'consentNotValidOnMeetingDay',
    ],
    [
      'a consent starting after the meeting',
      { ...base, basis: 'consent', consent: consent({ validFrom: '2027-04-01' }) },
      'consentNotValidOnMeetingDay',
    ],
    ['no consent found', { ...base, basis: 'consent' }, 'consentExpired'],
    ['the legal basis for the first meeting', { ...base, basis: 'legalBasis' }, null],
    [
      'the legal basis a second time without a reason',
      { ...base, basis: 'legalBasis', earlierLegalBasisMeetings: 1 },
      'legalBasisUsed',
    ],
    [
      'the legal basis a second time with a blank reason',
      { ...base, basis: 'legalBasis', earlierLegalBasisMeetings: 1, followUpReason: '  ' },
      'legalBasisUsed',
    ],
    [
      'the legal basis a second time with a reason',
      { ...base, basis: 'legalBasis', earlierLegalBasisMeetings: 2, followUpReason: 'Ny bekymring' },
      null,
    ],
  ])('%s', (_why, input, expected) => {
    expect(schedulingProblem(input)?.key ?? null).toBe(expected);
  });
});

describe('consentStatus', () => {
  it.each([
    ['2027-03-01', false, 'valid'],
    ['2026-12-31', false, 'pending'],
    ['2027-07-01', false, 'expired'],
    ['2027-03-01', true, 'withdrawn'],
  ] as const)('%s withdrawn=%s → %s', (today, withdrawn, expected) => {
    expect(consentStatus({ validFrom: '2027-01-01', validTo: '2027-06-30', withdrawn }, today)).toBe(
      expected,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { TCtx } from '../http/context.ts';
import { auditEvent } from './audit-event.ts';
import { auditPurpose, type TRelation } from './relations.ts';

describe('auditPurpose', () => {
  // The purposes decisions 005, 015 and 016 fixed: the log must read the same through the one contract.
  const cases: [TRelation, string][] = [
    [{ kind: 'enrolment', unitId: 'u1', unitName: 'Skole' }, 'enrolment:u1'],
    [{ kind: 'coordinator', unitId: 'u2', unitName: 'Børnehave' }, 'coordinator:u2'],
    [{ kind: 'case', via: 'team', teamId: 't1' }, 'team:t1'],
    [{ kind: 'case', via: 'assigned' }, 'caseworker'],
    [{ kind: 'case', via: 'grant' }, 'grant'],
    [{ kind: 'meeting', meetingId: 'm1', basis: 'consent', consentId: 'c1' }, 'meeting:m1:consent:c1'],
    [{ kind: 'meeting', meetingId: 'm1', basis: 'legalBasis' }, 'meeting:m1:legalBasis'],
    [{ kind: 'intake' }, 'intake'],
    [
      { kind: 'referral', referralId: 'r1', offerId: 'o1', basis: 'consent', consentId: 'c1' },
      'referral:r1:offer:o1:consent:c1',
    ],
    [
      { kind: 'referral', referralId: 'r1', offerId: 'o1', basis: 'legalBasis', measureId: 'm1' },
      'referral:r1:offer:o1:legalBasis:m1',
    ],
    [{ kind: 'conference', conferenceId: 'f1', role: 'convenor' }, 'conference:f1:convenor'],
    [{ kind: 'reviewSample', roundId: 'r1' }, 'reviewSample:r1'],
    [{ kind: 'breakGlass', reason: 'akut' }, 'breakGlass'],
  ];
  it.each(cases)('names %o as %s', (relation, purpose) => {
    expect(auditPurpose(relation)).toBe(purpose);
  });
});

describe('auditEvent', () => {
  const ctx = {
    ip: '10.0.0.1',
    permission: 'read:child:unit',
    user: {
      municipalityId: 'muni',
      userId: 'user',
      roles: [],
      grants: [
        { permission: 'read:child:unit', role: 'professional', unitId: 'other' },
        { permission: 'read:child:unit', role: 'unitLeader', unitId: 'u1' },
      ],
    },
  } as unknown as Pick<TCtx, 'user' | 'ip'> & { permission: 'read:child:unit' };

  it('fills in who, from where, the role in the relation’s unit and the purpose from the relation', () => {
    const event = auditEvent(ctx, {
      relation: { kind: 'enrolment', unitId: 'u1', unitName: 'Skole' },
      action: 'read',
      entity: 'child',
      entityId: 'c1',
      childId: 'c1',
      detail: { view: 'profile' },
    });
    expect(event).toEqual({
      municipalityId: 'muni',
      userId: 'user',
      role: 'unitLeader',
      action: 'read',
      entity: 'child',
      entityId: 'c1',
      childId: 'c1',
      purpose: 'enrolment:u1',
      ip: '10.0.0.1',
      detail: { view: 'profile' },
    });
  });

  it('names a task purpose where no relation grounds the event, with empty ids', () => {
    const event = auditEvent(ctx, { purpose: 'caseload', action: 'list', entity: 'case' });
    expect(event).toMatchObject({ purpose: 'caseload', entityId: null, childId: null, detail: null });
  });

  it('carries a break-glass reason into the detail, so the log flags it', () => {
    const event = auditEvent(ctx, {
      relation: { kind: 'breakGlass', reason: 'barnet er i fare' },
      action: 'read',
      entity: 'child',
      detail: { view: 'profile' },
    });
    expect(event.purpose).toBe('breakGlass');
    expect(event.detail).toEqual({ view: 'profile', breakGlass: true, reason: 'barnet er i fare' });
  });

  it('records no role for what a user does to their own account under no permission', () => {
    const { permission: _acting, ...signedIn } = ctx;
    const event = auditEvent(signedIn, {
      permission: null,
      purpose: 'ownAccount',
      action: 'update',
      entity: 'user',
      entityId: 'user',
    });
    expect(event).toMatchObject({ userId: 'user', role: null, purpose: 'ownAccount', ip: '10.0.0.1' });
  });

  it('refuses to guess a role when no permission is named', () => {
    const { permission: _acting, ...signedIn } = ctx;
    expect(() => auditEvent(signedIn, { purpose: 'caseload', action: 'list', entity: 'case' })).toThrow();
  });
});

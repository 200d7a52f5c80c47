import { describe, expect, it } from 'vitest';
import da from '../../i18n/da/audit.json';
import { purposeParts } from './purpose.ts';

describe('an audit event’s purpose in words', () => {
  it('names the unit of a unit relation, and nothing internal of the others', () => {
    expect(purposeParts('enrolment:u1')).toEqual({ kind: 'enrolment', unitId: 'u1' });
    expect(purposeParts('team:6f1c0000-0000-4000-8000-000000000000')).toEqual({ kind: 'team' });
    expect(purposeParts('meeting:m1:consent:c1')).toEqual({ kind: 'meetingConsent' });
    expect(purposeParts('meeting:m1:legalBasis')).toEqual({ kind: 'meetingLegalBasis' });
    expect(purposeParts('intake')).toEqual({ kind: 'intake' });
  });

  it('has a Danish word for every purpose, action and object the server writes', () => {
    for (const kind of [
      'enrolment',
      'coordinator',
      'unit',
      'team',
      'caseworker',
      'grant',
      'intake',
      'referral',
      'conference',
      'reviewSample',
      'breakGlass',
      'meetingConsent',
      'meetingLegalBasis',
      'notifier',
      'letter',
      'ownAccount',
      'caseload',
      'administration',
      'outbox',
      'round',
      'receipt',
      'import',
      'deadlines',
      'deadline',
      'citizenForm',
      'catalogue',
      'alert',
    ])
      expect(da.purpose, kind).toHaveProperty(kind);
    for (const action of [
      'confirm',
      'create',
      'decide',
      'escalate',
      'grant-access',
      'import',
      'list',
      'lock',
      'match',
      'publish',
      'read',
      'reassign',
      'receipt',
      'retry',
      'reveal-cpr',
      'search',
      'send',
      'update',
    ])
      expect(da.action, action).toHaveProperty(action);
    for (const entity of [
      'assessment',
      'assessment-import',
      'assessment-round',
      'case',
      'caseworker-change',
      'child',
      'concern',
      'consent',
      'coordinator',
      'factor-catalogue',
      'letter',
      'meeting',
      'notification',
      'unit',
      'user',
    ])
      expect(da.entity, entity).toHaveProperty(entity);
  });
});

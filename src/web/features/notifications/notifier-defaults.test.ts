import { describe, expect, it } from 'vitest';
import { notifierDefaults } from './notifier-defaults.ts';

const enrolment = (unitId: string, unitKind: string, toDate: string | null = null) => ({
  unitId,
  unitKind,
  toDate,
});

describe('the notification form opened from a child’s profile', () => {
  it('is filled in with the child’s unit among the user’s, and the kind of notifier that unit makes the user', () => {
    expect(
      notifierDefaults(
        [enrolment('school-1', 'school'), enrolment('daycare-1', 'daycare', '2020-07-31')],
        ['school-1', 'other-unit'],
      ),
    ).toEqual({ unitId: 'school-1', notifierKind: 'school' });
    expect(notifierDefaults([enrolment('d', 'daycare')], ['d'])).toEqual({
      unitId: 'd',
      notifierKind: 'daycare',
    });
    expect(notifierDefaults([enrolment('h', 'healthVisiting')], ['h'])).toEqual({
      unitId: 'h',
      notifierKind: 'health',
    });
    expect(notifierDefaults([enrolment('l', 'leisure')], ['l'])).toEqual({
      unitId: 'l',
      notifierKind: 'other',
    });
  });

  it('leaves both open when the child is in none of the user’s units', () => {
    expect(notifierDefaults([enrolment('school-1', 'school')], ['elsewhere'])).toEqual({
      unitId: '',
      notifierKind: '',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { consentLeavesOutLeader } from './consent-covers-leader.ts';

const leader = { roles: [{ role: 'unitLeader', unitId: 'school-1' }] };
const consent = (professions: string[], units: string[] = []) => ({
  recipientProfessions: professions,
  recipientUnits: units.map((id) => ({ id })),
});

describe('a leader attaching a consent to a meeting', () => {
  it('is warned when the consent names neither leaders nor the leader’s unit', () => {
    expect(consentLeavesOutLeader(consent(['teacher', 'pedagogue']), leader)).toBe(true);
  });

  it('is not warned when leaders or the leader’s unit are among the recipients', () => {
    expect(consentLeavesOutLeader(consent(['leader', 'teacher']), leader)).toBe(false);
    expect(consentLeavesOutLeader(consent(['teacher'], ['school-1']), leader)).toBe(false);
  });

  it('says nothing to someone who is not a leader', () => {
    expect(
      consentLeavesOutLeader(consent(['teacher']), { roles: [{ role: 'professional', unitId: 'x' }] }),
    ).toBe(false);
  });
});

/** Relations whose purpose carries the unit they run through: "<kind>:<unit id>". */
const UNIT_KINDS = new Set(['enrolment', 'coordinator', 'unit']);

/**
 * An audit purpose as the server writes it ("enrolment:<unit id>", "team:<team id>",
 * "meeting:<id>:consent:<id>", "intake", …) taken apart for words: its kind, and the unit where the unit
 * says something to a person. Other ids (teams, meetings, offers) are left out: they are internal.
 */
export function purposeParts(purpose: string): { kind: string; unitId?: string } {
  const [kind = purpose, id, basis] = purpose.split(':');
  if (kind === 'meeting') return { kind: basis === 'consent' ? 'meetingConsent' : 'meetingLegalBasis' };
  if (UNIT_KINDS.has(kind) && id) return { kind, unitId: id };
  return { kind };
}

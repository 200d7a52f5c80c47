/**
 * Whether a unit leader attaching this consent is left out of it: it names neither leaders nor one of the
 * leader's units among its recipients. The form warns before the leader relies on it.
 */
export function consentLeavesOutLeader(
  consent: { recipientProfessions: readonly string[]; recipientUnits: readonly { id: string }[] },
  user: { roles: readonly { role: string; unitId?: string | null }[] },
): boolean {
  const led = user.roles.filter((r) => r.role === 'unitLeader').map((r) => r.unitId);
  if (led.length === 0) return false;
  if (consent.recipientProfessions.includes('leader')) return false;
  return !consent.recipientUnits.some((u) => led.includes(u.id));
}

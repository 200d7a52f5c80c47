import type { Queryable } from '../../db/client.ts';

/**
 * Entities whose records are children's personal data (`action:entity:scope`). A role holding any permission
 * on one of them reaches children. Alerts are left out: every role holds `read:alert:own`, and an alert only
 * reaches a user through a relation that one of these already gave.
 */
export const CHILD_DATA_ENTITIES = [
  'child',
  'cpr',
  'case',
  'notification',
  'meeting',
  'minutes',
  'concern',
  'assessment',
  'consent',
  // A partner's referrals name the children referred to its provider (issue 15).
  'referral',
] as const;

/**
 * Roles a second person must confirm before they give access, read from the permission table so a new
 * permission on child data is covered without touching this file. Roles that manage users need it too:
 * otherwise one admin could make a second admin account and confirm its own requests with it.
 */
export async function rolesNeedingConfirmation(q: Queryable): Promise<Set<string>> {
  const { rows } = await q.query<{ role: string }>(
    `SELECT DISTINCT role FROM role_permissions
      WHERE split_part(permission, ':', 2) = ANY($1::text[]) OR permission = 'manage:user:municipality'`,
    [CHILD_DATA_ENTITIES],
  );
  return new Set(rows.map((r) => r.role));
}

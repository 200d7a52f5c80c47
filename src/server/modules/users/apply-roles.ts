import { type TRoleAssignmentInput, UNIT_SCOPED_ROLES } from '../../../shared/schemas/users.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { fieldError } from '../../http/errors.ts';
import { rolesNeedingConfirmation } from './roles-needing-confirmation.ts';

type TAssignment = { role: TRoleAssignmentInput['role']; unitId?: string | null };

/** A role and its unit; the team of a seeded caseworker is not part of it, so an edit keeps the team. */
export const roleKey = (r: { role: string; unitId?: string | null }) =>
  `${r.role}:${(r.unitId ?? '').toLowerCase()}`;

/** Refuses, naming the field, a unit-scoped role without a unit or a unit outside the municipality. */
export async function checkRoles(q: Queryable, municipalityId: string, roles: TAssignment[]): Promise<void> {
  for (const [i, r] of roles.entries()) {
    if ((UNIT_SCOPED_ROLES as readonly string[]).includes(r.role) && !r.unitId) {
      throw fieldError(`roles.${i}.unitId`, 'field.roleNeedsUnit', { role: r.role });
    }
  }
  const unitIds = [...new Set(roles.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
  if (unitIds.length === 0) return;
  const { rows } = await q.query<{ id: string }>(
    'SELECT id FROM units WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
    [municipalityId, unitIds],
  );
  const known = new Set(rows.map((r) => r.id));
  const unknown = roles.findIndex((r) => r.unitId && !known.has(r.unitId));
  if (unknown >= 0) throw fieldError(`roles.${unknown}.unitId`, 'field.unknownUnit');
}

/** The user's current role assignments as keys. */
export async function currentRoleKeys(
  q: Queryable,
  municipalityId: string,
  userId: string,
): Promise<Set<string>> {
  const { rows } = await q.query<{ role: string; unit_id: string | null }>(
    'SELECT role, unit_id FROM role_assignments WHERE municipality_id = $1 AND user_id = $2',
    [municipalityId, userId],
  );
  return new Set(rows.map((r) => roleKey({ role: r.role, unitId: r.unit_id })));
}

/**
 * Makes the user's roles the given list. Removals and roles that reach no child data apply at once; a role
 * that reaches children (or manages users) is only asked for: it becomes a pending grant that a second person
 * confirms (confirm-role-grant.ts). A role already asked for stays one request. Checked by the caller.
 */
export async function applyRoles(
  ctx: TCtx,
  q: Queryable,
  userId: string,
  roles: TAssignment[],
): Promise<void> {
  const m = ctx.user.municipalityId;
  const wanted = new Map(roles.map((r) => [roleKey(r), r]));
  const current = await currentRoleKeys(q, m, userId);
  const removed = [...current].filter((k) => !wanted.has(k));
  const added = [...wanted].filter(([k]) => !current.has(k)).map(([, r]) => r);
  if (removed.length > 0) {
    await q.query(
      `DELETE FROM role_assignments
        WHERE municipality_id = $1 AND user_id = $2 AND role || ':' || coalesce(unit_id::text, '') = ANY($3::text[])`,
      [m, userId, removed],
    );
  }
  if (added.length === 0) return;
  const needing = await rolesNeedingConfirmation(q);
  const now = added.filter((r) => !needing.has(r.role));
  const asked = added.filter((r) => needing.has(r.role));
  if (now.length > 0) {
    await q.query(
      `INSERT INTO role_assignments (municipality_id, user_id, role, unit_id)
       SELECT $1::uuid, $2::uuid, r, u FROM unnest($3::text[], $4::uuid[]) AS t(r, u)`,
      [m, userId, now.map((r) => r.role), now.map((r) => r.unitId ?? null)],
    );
  }
  if (asked.length > 0) {
    await q.query(
      `INSERT INTO role_grants (municipality_id, user_id, role, unit_id, requested_by)
       SELECT $1::uuid, $2::uuid, t.r, t.u, $5::uuid FROM unnest($3::text[], $4::uuid[]) AS t(r, u)
        WHERE NOT EXISTS (SELECT 1 FROM role_grants g
                           WHERE g.municipality_id = $1 AND g.user_id = $2 AND g.status = 'pending'
                             AND g.role = t.r AND g.unit_id IS NOT DISTINCT FROM t.u)`,
      [m, userId, asked.map((r) => r.role), asked.map((r) => r.unitId ?? null), ctx.user.userId],
    );
  }
}

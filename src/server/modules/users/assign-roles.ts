import { type TRoleAssignmentInput, UNIT_SCOPED_ROLES } from '../../../shared/schemas/users.ts';
import type { Queryable } from '../../db/client.ts';
import { fieldError } from '../../http/errors.ts';

type TAssignment = { role: TRoleAssignmentInput['role']; unitId?: string | null };

/** Replaces a user's role assignments after checking each unit belongs to the municipality. */
export async function assignRoles(
  q: Queryable,
  municipalityId: string,
  userId: string,
  roles: TAssignment[],
): Promise<void> {
  for (const [i, r] of roles.entries()) {
    if ((UNIT_SCOPED_ROLES as readonly string[]).includes(r.role) && !r.unitId) {
      throw fieldError(`roles.${i}.unitId`, 'field.roleNeedsUnit', { role: r.role });
    }
    if (r.unitId) {
      const { rowCount } = await q.query('SELECT 1 FROM units WHERE municipality_id = $1 AND id = $2', [
        municipalityId,
        r.unitId,
      ]);
      if (!rowCount) throw fieldError(`roles.${i}.unitId`, 'field.unknownUnit');
    }
  }
  await q.query('DELETE FROM role_assignments WHERE municipality_id = $1 AND user_id = $2', [
    municipalityId,
    userId,
  ]);
  if (roles.length === 0) return;
  await q.query(
    `INSERT INTO role_assignments (municipality_id, user_id, role, unit_id)
     SELECT DISTINCT $1::uuid, $2::uuid, r, u FROM unnest($3::text[], $4::uuid[]) AS t(r, u)`,
    [municipalityId, userId, roles.map((r) => r.role), roles.map((r) => r.unitId ?? null)],
  );
}

import type { Queryable } from '../../db/client.ts';

/**
 * The active users holding a role anywhere in the municipality: who the intake jobs alert (caseworkers are
 * reminded of a notification due soon, case work managers get the overdue ones).
 */
export async function activeUsersWithRole(
  q: Queryable,
  municipalityId: string,
  role: 'caseworker' | 'caseworkManager',
): Promise<string[]> {
  const { rows } = await q.query(
    `SELECT DISTINCT u.id FROM users u
       JOIN role_assignments ra ON ra.municipality_id = u.municipality_id AND ra.user_id = u.id
      WHERE u.municipality_id = $1 AND u.active AND ra.role = $2`,
    [municipalityId, role],
  );
  return rows.map((r) => r.id as string);
}

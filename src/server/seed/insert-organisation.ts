import type { Queryable } from '../db/client.ts';
import { insertRows } from './bulk-insert.ts';
import type { TRoleAssignmentRow, TUserRow } from './demo/demo-users.ts';
import type { TOrganisation } from './org.ts';

/** The municipality row, its districts, units and teams, and its users with their roles: shared by every seed. */
export async function insertOrganisation(
  q: Queryable,
  municipality: { id: string; code: string; name: string; slug: string },
  org: Pick<TOrganisation, 'districts' | 'units' | 'teams'>,
  users: readonly TUserRow[],
  roleAssignments: readonly TRoleAssignmentRow[],
): Promise<void> {
  await q.query('INSERT INTO municipalities (id, code, name, slug) VALUES ($1, $2, $3, $4)', [
    municipality.id,
    municipality.code,
    municipality.name,
    municipality.slug,
  ]);
  await insertRows(q, 'districts', { municipality_id: 'uuid', id: 'uuid', name: 'text' }, org.districts);
  await insertRows(
    q,
    'units',
    { municipality_id: 'uuid', id: 'uuid', district_id: 'uuid', name: 'text', kind: 'unit_kind' },
    org.units,
  );
  await insertRows(
    q,
    'teams',
    { municipality_id: 'uuid', id: 'uuid', unit_id: 'uuid', name: 'text' },
    org.teams,
  );
  await insertRows(
    q,
    'users',
    {
      municipality_id: 'uuid',
      id: 'uuid',
      email: 'text',
      name: 'text',
      password_hash: 'text',
      locale: 'text',
      is_demo: 'boolean',
    },
    users,
  );
  await insertRows(
    q,
    'role_assignments',
    { municipality_id: 'uuid', id: 'uuid', user_id: 'uuid', role: 'text', unit_id: 'uuid', team_id: 'uuid' },
    roleAssignments,
  );
}

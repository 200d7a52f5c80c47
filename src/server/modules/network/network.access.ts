import { staffRelations, type TStaffPermissions, type TStaffRelation } from '../../access/staff.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may read and record a child's network (decision 027): the adults who see the child, as for its other data —
 * through a current enrolment in their unit or as its coordinator (`…:network:unit`), or through a case of the
 * child in their teams, assigned or granted (`…:network:team`; a write needs the case open). A network person
 * shared by siblings is reached child by child: a reader sees the person's links only to the children they reach.
 * Everyone else, and anything of another municipality, gets 404.
 */
const PERMISSIONS = {
  read: { unit: 'read:network:unit', team: 'read:network:team' },
  write: { unit: 'write:network:unit', team: 'write:network:team' },
} as const satisfies Record<string, TStaffPermissions>;

export type TNetworkMode = keyof typeof PERMISSIONS;

/** The children among `childIds` the user reaches for reading or writing their network, each with its relation. */
export function networkRelations(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childIds: readonly string[],
  mode: TNetworkMode,
): Promise<Map<string, TStaffRelation>> {
  return staffRelations(q, ctx, childIds, PERMISSIONS[mode], { openCases: mode === 'write' });
}

/** The user's relation to one child's network; 404 when there is none. */
export async function networkRelation(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childId: string,
  mode: TNetworkMode,
): Promise<TStaffRelation> {
  const found = (await networkRelations(q, ctx, [childId], mode)).get(childId);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

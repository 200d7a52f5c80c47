import { auditPurpose, type TChildRelation } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { childAccess } from '../children/children.access.ts';

/**
 * Consents are recorded and read by the adults who see the child through their own relation (a current
 * enrolment in their unit, children.access.ts); anyone else gets 404 and learns nothing of the child.
 */
export async function requireChildRelation(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  childId: string,
): Promise<{ relation: TChildRelation; purpose: string }> {
  const relation = await childAccess(q, ctx, childId);
  if (!relation) throw new AppError('NOT_FOUND');
  return { relation, purpose: auditPurpose(relation) };
}

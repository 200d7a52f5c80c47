import type { TChildCoordinator } from '../../../shared/schemas/coordinator-views.ts';
import type { Queryable } from '../../db/client.ts';

/** A child's named coordinator, or null. No relation check: callers have decided the reader may know it. */
export async function findCoordinator(
  q: Queryable,
  municipalityId: string,
  childId: string,
): Promise<TChildCoordinator | null> {
  const { rows } = await q.query(
    `SELECT cc.child_id AS "childId", cc.user_id AS "userId", u.name, u.email, cc.set_by AS "setBy",
            s.name AS "setByName", cc.set_at AS "setAt", cc.parents_informed_on AS "parentsInformedOn",
            cc.parents_informed_note AS "parentsInformedNote", cc.version
       FROM child_coordinators cc
       JOIN users u ON u.municipality_id = cc.municipality_id AND u.id = cc.user_id
       JOIN users s ON s.municipality_id = cc.municipality_id AND s.id = cc.set_by
      WHERE cc.municipality_id = $1 AND cc.child_id = $2`,
    [municipalityId, childId],
  );
  const r = rows[0];
  return r ? { ...r, setAt: new Date(r.setAt).toISOString() } : null;
}

/** The user id of a child's coordinator, if one is set (for routing alerts). */
export async function findCoordinatorUserId(
  q: Queryable,
  municipalityId: string,
  childId: string,
): Promise<string | null> {
  const { rows } = await q.query(
    'SELECT user_id FROM child_coordinators WHERE municipality_id = $1 AND child_id = $2',
    [municipalityId, childId],
  );
  return rows[0]?.user_id ?? null;
}

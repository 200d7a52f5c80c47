import type { TConcern } from '../../../shared/schemas/concern-views.ts';
import type { Queryable } from '../../db/client.ts';

export type { TConcern };

/** SQL selecting concerns as documents (alias k); the caller adds WHERE and ORDER. */
export const CONCERN_SELECT = `SELECT k.id, k.child_id AS "childId",
       CASE WHEN ch.id IS NULL THEN NULL ELSE ch.first_name || ' ' || ch.last_name END AS "childName",
       k.child_id IS NULL AS anonymous, k.unit_id AS "unitId", un.name AS "unitName", k.created_by AS "createdBy",
       us.name AS "createdByName", k.profession, k.signs, k.description, k.factor_codes AS "factorCodes", k.level,
       k.action_code AS "actionCode", k.action_text AS "actionText", k.acute, k.created_at AS "createdAt"
  FROM concerns k
  JOIN units un ON un.municipality_id = k.municipality_id AND un.id = k.unit_id
  JOIN users us ON us.municipality_id = k.municipality_id AND us.id = k.created_by
  LEFT JOIN children ch ON ch.municipality_id = k.municipality_id AND ch.id = k.child_id`;

export function toConcern(row: Record<string, unknown>): TConcern {
  return { ...(row as unknown as TConcern), createdAt: new Date(row.createdAt as string).toISOString() };
}

export async function selectConcern(q: Queryable, municipalityId: string, id: string): Promise<TConcern> {
  const { rows } = await q.query(`${CONCERN_SELECT} WHERE k.municipality_id = $1 AND k.id = $2`, [
    municipalityId,
    id,
  ]);
  return toConcern(rows[0]);
}

import type { TRound } from '../../../shared/schemas/assessment-views.ts';
import type { Queryable } from '../../db/client.ts';

export type { TRound };

/** Rounds with their units, newest first; `where` filters rounds aliased `r` (parameters from $2). */
export async function selectRounds(
  q: Queryable,
  municipalityId: string,
  where = 'true',
  params: unknown[] = [],
): Promise<TRound[]> {
  const { rows } = await q.query(
    `SELECT r.id, r.name, r.period, r.opens_on AS "opensOn", r.closes_on AS "closesOn",
            CASE WHEN current_date < r.opens_on THEN 'upcoming' WHEN current_date > r.closes_on THEN 'closed' ELSE 'open' END AS status,
            r.catalogue_id AS "catalogueId", fc.version AS "catalogueVersion",
            (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]')
               FROM round_units ru JOIN units u ON u.municipality_id = ru.municipality_id AND u.id = ru.unit_id
              WHERE ru.municipality_id = r.municipality_id AND ru.round_id = r.id) AS units
       FROM assessment_rounds r
       JOIN factor_catalogues fc ON fc.municipality_id = r.municipality_id AND fc.id = r.catalogue_id
      WHERE r.municipality_id = $1 AND (${where})
      ORDER BY r.opens_on DESC, r.name`,
    [municipalityId, ...params],
  );
  return rows;
}

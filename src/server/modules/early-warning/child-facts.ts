import type { TChildFacts } from '../../../domain/early-warning/index.ts';
import type { Queryable } from '../../db/client.ts';

/** What the rules need about one child: named concerns, joint assessments with their present risk factors. */
export async function loadChildFacts(
  q: Queryable,
  municipalityId: string,
  childId: string,
): Promise<TChildFacts> {
  const { rows } = await q.query(
    `SELECT (now() AT TIME ZONE 'Europe/Copenhagen')::date::text AS today,
       (SELECT coalesce(json_agg(json_build_object('id', k.id, 'on', (k.created_at AT TIME ZONE 'Europe/Copenhagen')::date,
                 'at', to_char(k.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'), 'profession', k.profession, 'signs', k.signs, 'factorCodes', k.factor_codes)), '[]')
          FROM concerns k WHERE k.municipality_id = $1 AND k.child_id = $2
           AND k.created_at > now() - interval '2 years') AS concerns,
       (SELECT coalesce(json_agg(json_build_object('id', a.id, 'assessedOn', a.assessed_on, 'position', a.position,
                 'presentRisk', ARRAY(SELECT f.code FROM assessment_factors af
                    JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
                   WHERE af.municipality_id = a.municipality_id AND af.assessment_id = a.id
                     AND af.state = 'present' AND f.kind = 'risk' ORDER BY f.code))
                 ORDER BY a.assessed_on, a.created_at), '[]')
          FROM assessments a WHERE a.municipality_id = $1 AND a.child_id = $2 AND a.mode = 'joint') AS joints,
       ARRAY(SELECT DISTINCT f.code FROM factors f WHERE f.municipality_id = $1 AND f.kind = 'risk') AS risk_codes`,
    [municipalityId, childId],
  );
  const r = rows[0];
  return { today: r.today, concerns: r.concerns, joints: r.joints, riskCodes: new Set(r.risk_codes) };
}

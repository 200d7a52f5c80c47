import type { TPosition } from '../../../shared/schemas/assessments.ts';
import { enrolledOn } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

export interface TFollowUpRow {
  assessmentId: string;
  childId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  position: TPosition;
  assessedOn: string;
  round: { id: string; name: string };
}

/**
 * The children a unit's leader follows up with the parents on `today` (a Danish calendar date): each child
 * still enrolled whose newest joint assessment in the unit is yellow or red and was made in the last
 * completed round, a later one or one still open. Opening a new round does not empty the list; only a newer
 * joint assessment moves a child off it (green) or changes its colour. A child not assessed since before the
 * last completed round is not listed: that round was the chance to follow up.
 */
export async function selectFollowUp(
  q: Queryable,
  municipalityId: string,
  unitId: string,
  today: string,
): Promise<TFollowUpRow[]> {
  const { rows } = await q.query(
    sql`WITH unit_rounds AS (
       SELECT r.id, r.name, r.opens_on, r.closes_on
         FROM assessment_rounds r
         JOIN round_units ru ON ru.municipality_id = r.municipality_id AND ru.round_id = r.id AND ru.unit_id = ${unitId}
        WHERE r.municipality_id = ${municipalityId} AND r.opens_on <= ${today}::date
     ), last_completed AS (
       SELECT opens_on FROM unit_rounds WHERE closes_on < ${today}::date ORDER BY closes_on DESC, opens_on DESC LIMIT 1
     ), newest AS (
       SELECT DISTINCT ON (a.child_id) a.id, a.child_id, a.position, a.assessed_on, ur.id AS round_id,
              ur.name AS round_name, ur.opens_on, ur.closes_on
         FROM assessments a JOIN unit_rounds ur ON ur.id = a.round_id
        WHERE a.municipality_id = ${municipalityId} AND a.unit_id = ${unitId} AND a.mode = 'joint'
        ORDER BY a.child_id, a.assessed_on DESC, ur.opens_on DESC, a.updated_at DESC
     )
     SELECT n.id AS "assessmentId", n.child_id AS "childId", c.first_name AS "firstName", c.last_name AS "lastName",
            c.birth_date AS "birthDate", n.position, n.assessed_on AS "assessedOn",
            json_build_object('id', n.round_id, 'name', n.round_name) AS round
       FROM newest n JOIN children c ON c.municipality_id = ${municipalityId} AND c.id = n.child_id
      WHERE n.position IN ('yellow', 'red')
        AND (n.closes_on >= ${today}::date OR n.opens_on >= coalesce((SELECT opens_on FROM last_completed), '-infinity'::date))
        AND EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = ${municipalityId} AND e.child_id = n.child_id AND e.unit_id = ${unitId}
                       AND ${enrolledOn('e', today)})
      ORDER BY n.position DESC, lower(c.last_name), lower(c.first_name), c.id`,
  );
  return rows;
}

import { currentEnrolment } from '../../access/enrolment.ts';
import type { Queryable } from '../../db/client.ts';

/**
 * Who is alerted about a child: the active leaders of the units it is currently enrolled in, and its named
 * coordinator if one is set.
 */
export async function alertRecipients(
  q: Queryable,
  municipalityId: string,
  childId: string,
): Promise<string[]> {
  const { rows } = await q.query(
    `SELECT DISTINCT ra.user_id FROM enrolments e
       JOIN role_assignments ra ON ra.municipality_id = e.municipality_id AND ra.unit_id = e.unit_id AND ra.role = 'unitLeader'
       JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
      WHERE e.municipality_id = $1 AND e.child_id = $2
        AND ${currentEnrolment('e').text}
     UNION
     SELECT cc.user_id FROM child_coordinators cc
       JOIN users u ON u.municipality_id = cc.municipality_id AND u.id = cc.user_id AND u.active
      WHERE cc.municipality_id = $1 AND cc.child_id = $2`,
    [municipalityId, childId],
  );
  return rows.map((r) => r.user_id as string);
}

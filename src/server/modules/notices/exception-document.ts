import type { TNoticeException } from '../../../shared/schemas/notices.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';

/**
 * Exceptions (alias `x`) matching `where`, newest first, as the review list and the child's profile show
 * them; `endable` says which of them the reader may end (none unless given).
 */
export async function selectExceptions(
  q: Queryable,
  m: string,
  where: Sql,
  endable: Sql = sql`false`,
): Promise<TNoticeException[]> {
  const { rows } = await q.query(
    sql`SELECT x.id, x.child_id, c.first_name || ' ' || c.last_name AS child_name, x.kinds::text[] AS kinds, x.decision,
               x.ground, x.reason, x.until_date::text AS until_date, x.until_case_decides, x.concern_id,
               ru.name AS recorded_by, x.recorded_at, coalesce(u.name, t.name) AS place_name, x.ended_at, x.end_cause,
               x.end_note, rv.name AS reviewed_by, x.reviewed_at, x.review_note,
               (SELECT count(*)::int FROM notice_subjects s
                 WHERE s.municipality_id = x.municipality_id AND s.child_id = x.child_id AND s.notified_at IS NULL
                   AND s.kind = ANY(x.kinds) AND x.ended_at IS NULL) AS withheld,
               coalesce(x.ended_at IS NULL AND ${endable}, false) AS can_end
          FROM notice_exceptions x
          JOIN children c ON c.municipality_id = x.municipality_id AND c.id = x.child_id
          JOIN users ru ON ru.municipality_id = x.municipality_id AND ru.id = x.recorded_by
          LEFT JOIN users rv ON rv.municipality_id = x.municipality_id AND rv.id = x.reviewed_by
          LEFT JOIN units u ON u.municipality_id = x.municipality_id AND u.id = x.unit_id
          LEFT JOIN teams t ON t.municipality_id = x.municipality_id AND t.id = x.team_id
         WHERE x.municipality_id = ${m} AND (${where})
         ORDER BY x.recorded_at DESC, x.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    childId: r.child_id,
    childName: r.child_name,
    kinds: r.kinds,
    decision: r.decision,
    ground: r.ground,
    reason: r.reason,
    untilDate: r.until_date,
    untilCaseDecides: r.until_case_decides,
    concernId: r.concern_id,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at.toISOString(),
    placeName: r.place_name,
    endedAt: r.ended_at ? r.ended_at.toISOString() : null,
    endCause: r.end_cause,
    endNote: r.end_note,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at ? r.reviewed_at.toISOString() : null,
    reviewNote: r.review_note,
    withheld: r.withheld,
    canEnd: r.can_end,
  }));
}

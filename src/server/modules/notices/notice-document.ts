import type { TNoticeFollowUp } from '../../../shared/schemas/notices.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';

/**
 * Notices (alias `n`) matching `where`, newest first: recipient, the children named, the letter's state in
 * the outbox or the follow-up, and the unit (first of the notice's units) for the follow-up list.
 */
export async function selectNotices(
  q: Queryable,
  m: string,
  where: Sql,
  limit = 500,
): Promise<TNoticeFollowUp[]> {
  const { rows } = await q.query(
    sql`SELECT n.id, n.kind, n.audience, n.recipient_name, n.status, n.follow_up_reason, n.letter_id, l.status AS letter_status,
               n.created_at, l.sent_at, r.name AS round_name, n.period, n.handled_note, u.name AS unit_name,
               (SELECT coalesce(json_agg(json_build_object('id', c.id, 'firstName', c.first_name) ORDER BY c.birth_date, c.id), '[]')
                  FROM children c WHERE c.municipality_id = n.municipality_id AND c.id = ANY(n.child_ids)) AS children
          FROM notices n
          LEFT JOIN letters l ON l.municipality_id = n.municipality_id AND l.id = n.letter_id
          LEFT JOIN assessment_rounds r ON r.municipality_id = n.municipality_id AND r.id = n.round_id
          LEFT JOIN units u ON u.municipality_id = n.municipality_id AND u.id = n.unit_ids[1]
         WHERE n.municipality_id = ${m} AND (${where})
         ORDER BY n.created_at DESC, n.id
         LIMIT ${limit}`,
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    audience: r.audience,
    recipientName: r.recipient_name,
    children: r.children,
    status: r.status,
    followUpReason: r.follow_up_reason,
    letterId: r.letter_id,
    letterStatus: r.letter_status,
    createdAt: r.created_at.toISOString(),
    sentAt: r.sent_at ? r.sent_at.toISOString() : null,
    roundName: r.round_name,
    period: r.period,
    handledNote: r.handled_note,
    unitName: r.unit_name,
  }));
}

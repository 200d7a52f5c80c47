import type { TMeetingSummary } from '../../../shared/schemas/meetings.ts';
import type { Queryable } from '../../db/client.ts';
import { defineUseCase } from '../../http/use-case.ts';

export const SUMMARY_SELECT = `SELECT mt.id, mt.title, mt.meeting_on::text AS meeting_on, to_char(mt.starts_at, 'HH24:MI') AS starts_at,
    mt.status, mt.organiser_id, ou.name AS organiser_name,
    coalesce(u.id, d.id) AS place_id, coalesce(u.name, d.name) AS place_name, CASE WHEN u.id IS NULL THEN 'district' ELSE 'unit' END AS place_kind,
    (SELECT count(*)::int FROM meeting_items i WHERE i.municipality_id = mt.municipality_id AND i.meeting_id = mt.id) AS items,
    (SELECT count(*)::int FROM meeting_participants p WHERE p.municipality_id = mt.municipality_id AND p.meeting_id = mt.id) AS participants
  FROM meetings mt JOIN users ou ON ou.municipality_id = mt.municipality_id AND ou.id = mt.organiser_id
  LEFT JOIN units u ON u.municipality_id = mt.municipality_id AND u.id = mt.unit_id
  LEFT JOIN districts d ON d.municipality_id = mt.municipality_id AND d.id = mt.district_id`;

// biome-ignore lint/suspicious/noExplicitAny: a pg row, typed by the SELECT above
export function summaryFromRow(r: Record<string, any>): TMeetingSummary {
  return {
    id: r.id,
    title: r.title,
    meetingOn: r.meeting_on,
    startsAt: r.starts_at,
    place: { kind: r.place_kind, id: r.place_id, name: r.place_name },
    organiser: { id: r.organiser_id, name: r.organiser_name },
    status: r.status,
    items: r.items,
    participants: r.participants,
  };
}

export const TAKES_PART = `(mt.organiser_id = $2 OR EXISTS (SELECT 1 FROM meeting_participants p
    WHERE p.municipality_id = mt.municipality_id AND p.meeting_id = mt.id AND p.user_id = $2))`;

export async function selectOwnMeetings(
  q: Queryable,
  municipalityId: string,
  userId: string,
  scope: 'upcoming' | 'past' | 'all',
): Promise<TMeetingSummary[]> {
  const when =
    scope === 'upcoming'
      ? "AND mt.meeting_on >= current_date AND mt.status <> 'cancelled'"
      : scope === 'past'
        ? 'AND mt.meeting_on < current_date'
        : '';
  const { rows } = await q.query(
    `${SUMMARY_SELECT} WHERE mt.municipality_id = $1 AND ${TAKES_PART} ${when}
      ORDER BY mt.meeting_on ${scope === 'upcoming' ? 'ASC' : 'DESC'}, mt.starts_at NULLS LAST LIMIT 200`,
    [municipalityId, userId],
  );
  return rows.map(summaryFromRow);
}

/** The meetings the user organises or takes part in. No child is named in a list. */
export const findMeetings = defineUseCase(
  'read:meeting:own',
  async (ctx, query: { scope: 'upcoming' | 'past' | 'all' }): Promise<TMeetingSummary[]> => {
    return ctx.db.tenantRead(ctx.user.municipalityId, (q) =>
      selectOwnMeetings(q, ctx.user.municipalityId, ctx.user.userId, query.scope),
    );
  },
);

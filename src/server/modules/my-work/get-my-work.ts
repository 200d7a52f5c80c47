import type { TMyWork } from '../../../shared/schemas/meetings.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOwnMeetings } from '../meetings/find-meetings.ts';

/**
 * The signed-in user's open and overdue actions and upcoming meetings. No child is named here (the action
 * links to its meeting, where the sharing rule decides); alerts come from the alerts API.
 */
export const getMyWork = defineUseCase(['read:meeting:own'], async (ctx): Promise<TMyWork> => {
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      `SELECT a.id, a.title, a.due_on::text AS due_on, a.status, a.version, a.due_on < current_date AS overdue,
              mt.id AS meeting_id, mt.title AS meeting_title, mt.meeting_on::text AS meeting_on, i.position,
              current_date::text AS today
         FROM meeting_actions a
         JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
         JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
        WHERE a.municipality_id = $1 AND a.owner_id = $2 AND a.status IN ('open', 'inProgress')
        ORDER BY a.due_on, a.created_at LIMIT 200`,
      [m, ctx.user.userId],
    );
    const { rows: day } = await q.query('SELECT current_date::text AS today');
    return {
      today: day[0].today,
      actions: rows.map((r) => ({
        id: r.id,
        title: r.title,
        dueOn: r.due_on,
        status: r.status,
        overdue: r.overdue,
        version: r.version,
        meeting: { id: r.meeting_id, title: r.meeting_title, meetingOn: r.meeting_on },
        itemPosition: r.position,
      })),
      meetings: await selectOwnMeetings(q, m, ctx.user.userId, 'upcoming'),
    };
  });
});

import type { TTodayItem } from '../../../shared/schemas/today.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectOwnMeetings } from '../meetings/find-meetings.ts';

/** Days ahead that count as "soon" on the first page. */
export const SOON_DAYS = 7;

/** The user's own meeting actions overdue and due within a week, and their meetings in the coming week. */
export const todayOwnWork = defineUseCase(
  'read:meeting:own',
  async (ctx, today: string): Promise<TTodayItem[]> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT count(*) FILTER (WHERE due_on < ${today}::date)::int AS overdue,
                 count(*) FILTER (WHERE due_on >= ${today}::date AND due_on < ${today}::date + ${SOON_DAYS}::int)::int AS soon
            FROM meeting_actions
           WHERE municipality_id = ${m} AND owner_id = ${ctx.user.userId} AND status IN ('open', 'inProgress')`,
      );
      const soonUntil = addDays(today, SOON_DAYS);
      const meetings = (await selectOwnMeetings(q, m, ctx.user.userId, 'upcoming')).filter(
        (mt) => mt.meetingOn < soonUntil,
      );
      const items: TTodayItem[] = [];
      if (rows[0].overdue > 0)
        items.push({ key: 'actionsOverdue', count: rows[0].overdue, to: '/mit-arbejde', urgent: true });
      if (rows[0].soon > 0)
        items.push({ key: 'actionsDueSoon', count: rows[0].soon, to: '/mit-arbejde', urgent: false });
      if (meetings.length > 0)
        items.push({ key: 'meetingsSoon', count: meetings.length, to: '/moeder', urgent: false });
      return items;
    });
  },
);

/** An ISO date `days` later. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

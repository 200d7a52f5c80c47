import type { Db, Queryable } from '../../db/client.ts';
import { insertAlert } from '../alerts/insert-alert.ts';

/** Days ahead a due action, a meeting or a follow-up is reminded of. */
export const REMIND_DAYS_AHEAD = 3;

async function remindMunicipality(q: Queryable, m: string): Promise<number> {
  let raised = 0;
  const raise = async (input: Parameters<typeof insertAlert>[1]) => {
    if (await insertAlert(q, input)) raised += 1;
  };
  const { rows: actions } = await q.query(
    `SELECT a.id, a.title, a.owner_id, a.due_on::text AS due_on, a.due_on < current_date AS overdue, i.meeting_id
       FROM meeting_actions a JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
      WHERE a.municipality_id = $1 AND a.status IN ('open', 'inProgress') AND a.due_on <= current_date + $2::int`,
    [m, REMIND_DAYS_AHEAD],
  );
  for (const a of actions)
    await raise({
      municipalityId: m,
      userId: a.owner_id,
      kind: a.overdue ? 'overdue' : 'reminder',
      reason: {
        code: a.overdue ? 'actionOverdue' : 'actionDueSoon',
        params: { title: a.title, dueOn: a.due_on },
      },
      link: '/mit-arbejde',
      dedupeKey: `${a.overdue ? 'actionOverdue' : 'actionDueSoon'}:${a.id}:${a.due_on}`,
    });
  const { rows: meetings } = await q.query(
    `SELECT mt.id, mt.title, mt.meeting_on::text AS meeting_on, p.user_id
       FROM meetings mt JOIN meeting_participants p ON p.municipality_id = mt.municipality_id AND p.meeting_id = mt.id
      WHERE mt.municipality_id = $1 AND mt.status = 'planned'
        AND mt.meeting_on BETWEEN current_date AND current_date + $2::int`,
    [m, REMIND_DAYS_AHEAD],
  );
  for (const mt of meetings)
    await raise({
      municipalityId: m,
      userId: mt.user_id,
      kind: 'reminder',
      reason: { code: 'meetingSoon', params: { title: mt.title, meetingOn: mt.meeting_on } },
      link: `/moeder/${mt.id}`,
      dedupeKey: `meetingSoon:${mt.id}:${mt.meeting_on}`,
    });
  const { rows: followUps } = await q.query(
    `SELECT i.id, i.follow_up_on::text AS follow_up_on, mt.id AS meeting_id, mt.title, mt.organiser_id
       FROM meeting_items i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
      WHERE i.municipality_id = $1 AND i.followed_up_at IS NULL AND i.follow_up_on <= current_date + $2::int`,
    [m, REMIND_DAYS_AHEAD],
  );
  for (const f of followUps)
    await raise({
      municipalityId: m,
      userId: f.organiser_id,
      kind: 'reminder',
      reason: { code: 'followUpDue', params: { title: f.title, followUpOn: f.follow_up_on } },
      link: `/moeder/${f.meeting_id}`,
      dedupeKey: `followUpDue:${f.id}:${f.follow_up_on}`,
    });
  return raised;
}

/**
 * The scheduled reminder job: actions due soon or overdue (to their owner), meetings in the next days (to
 * every participant) and follow-ups due (to the organiser) become in-app alerts. Idempotent per due date.
 */
export async function sendReminders(db: Db): Promise<number> {
  const { rows } = await db.pool.query('SELECT id FROM municipalities');
  let raised = 0;
  for (const { id } of rows) raised += await db.tenant(id, (q) => remindMunicipality(q, id));
  return raised;
}

import {
  periodOf,
  type TActionFact,
  type TEpisodeFact,
  type TFollowUpFact,
  type TPeriodKind,
} from '../../../domain/practice/practice-figures.ts';
import type { Queryable } from '../../db/client.ts';

export interface TPracticeScope {
  municipalityId: string;
  from: string;
  to: string;
  /** null: the whole municipality; else only concerns and meetings of these units. */
  unitIds: string[] | null;
  groupBy: 'unit' | 'profession';
  period: TPeriodKind;
}

/**
 * The facts behind the practice figures, one row per case, no child named:
 * - an episode per child (or per anonymous concern) whose first concern in the period starts it, with the
 *   days to the first meeting action, the first meeting and the first notification about the child (or
 *   linked to one of its concerns) from then on; grouped by the concern's unit or its author's profession;
 * - an action per decided meeting action due in the period (done, or overdue): on time or not; grouped by
 *   the meeting's unit or the owner's profession at the meeting;
 * - a follow-up per agenda item whose follow-up date in the period has come: held or not, and did it help;
 *   grouped by the meeting's unit, or once per profession that took part in the meeting.
 */
export async function loadPracticeFacts(
  q: Queryable,
  scope: TPracticeScope,
): Promise<{ episodes: TEpisodeFact[]; actions: TActionFact[]; followUps: TFollowUpFact[] }> {
  const params = [scope.municipalityId, scope.from, scope.to, scope.unitIds];
  const unitFilter = (col: string) => `($4::uuid[] IS NULL OR ${col} = ANY($4::uuid[]))`;
  const byUnit = scope.groupBy === 'unit';
  const { rows: ep } = await q.query(
    `WITH first AS (
       SELECT DISTINCT ON (coalesce(k.child_id, k.id)) k.id, k.child_id, k.unit_id, k.profession, k.created_at
         FROM concerns k
        WHERE k.municipality_id = $1 AND k.created_at::date BETWEEN $2::date AND $3::date AND ${unitFilter('k.unit_id')}
        ORDER BY coalesce(k.child_id, k.id), k.created_at)
     SELECT f.created_at::date::text AS day, ${byUnit ? 'u.name' : 'f.profession'} AS grp,
            (SELECT extract(epoch FROM min(a.created_at) - f.created_at) / 86400 FROM meeting_actions a
               JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
              WHERE a.municipality_id = $1 AND (i.child_id = f.child_id OR i.concern_id = f.id) AND a.created_at >= f.created_at) AS to_action,
            (SELECT min(mt.meeting_on) - f.created_at::date FROM meeting_items i
               JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
              WHERE i.municipality_id = $1 AND (i.child_id = f.child_id OR i.concern_id = f.id)
                AND mt.status <> 'cancelled' AND mt.meeting_on >= f.created_at::date) AS to_meeting,
            (SELECT extract(epoch FROM min(n.received_at) - f.created_at) / 86400 FROM notifications n
              WHERE n.municipality_id = $1 AND n.received_at >= f.created_at
                AND (n.concern_id = f.id OR (f.child_id IS NOT NULL AND (n.child_id = f.child_id OR n.concern_id IN
                     (SELECT k2.id FROM concerns k2 WHERE k2.municipality_id = $1 AND k2.child_id = f.child_id))))) AS to_notification
       FROM first f JOIN units u ON u.municipality_id = $1 AND u.id = f.unit_id`,
    params,
  );
  const placeName = `coalesce(u.name, d.name)`;
  const placeJoin = `LEFT JOIN units u ON u.municipality_id = mt.municipality_id AND u.id = mt.unit_id
    LEFT JOIN districts d ON d.municipality_id = mt.municipality_id AND d.id = mt.district_id`;
  const meetingScope = `($4::uuid[] IS NULL OR mt.unit_id = ANY($4::uuid[]) OR mt.district_id IN
    (SELECT district_id FROM units WHERE municipality_id = $1 AND id = ANY($4::uuid[])))`;
  const { rows: ac } = await q.query(
    `SELECT a.due_on::text AS day, ${byUnit ? placeName : 'p.profession'} AS grp,
            (a.status = 'done' AND a.done_on <= a.due_on) AS on_time
       FROM meeting_actions a JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
       JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id ${placeJoin}
       LEFT JOIN meeting_participants p ON p.municipality_id = mt.municipality_id AND p.meeting_id = mt.id AND p.user_id = a.owner_id
      WHERE a.municipality_id = $1 AND a.due_on BETWEEN $2::date AND $3::date AND a.status <> 'cancelled'
        AND (a.status = 'done' OR a.due_on < current_date) AND ${meetingScope}`,
    params,
  );
  const { rows: fu } = await q.query(
    `SELECT i.follow_up_on::text AS day, ${byUnit ? placeName : 'p.profession'} AS grp, i.helped
       FROM meeting_items i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id ${placeJoin}
       ${byUnit ? '' : 'JOIN (SELECT DISTINCT meeting_id, profession FROM meeting_participants WHERE municipality_id = $1) p ON p.meeting_id = mt.id'}
      WHERE i.municipality_id = $1 AND i.follow_up_on BETWEEN $2::date AND $3::date
        AND (i.followed_up_at IS NOT NULL OR i.follow_up_on < current_date) AND mt.status <> 'cancelled' AND ${meetingScope}`,
    params,
  );
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return {
    episodes: ep.map((r) => ({
      period: periodOf(r.day, scope.period),
      group: r.grp,
      toAction: num(r.to_action),
      toMeeting: num(r.to_meeting),
      toNotification: num(r.to_notification),
    })),
    actions: ac.map((r) => ({
      period: periodOf(r.day, scope.period),
      group: r.grp ?? 'other',
      onTime: r.on_time,
    })),
    followUps: fu.map((r) => ({ period: periodOf(r.day, scope.period), group: r.grp, helped: r.helped })),
  };
}

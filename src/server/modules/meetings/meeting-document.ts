import type { TAction, TMeeting, TMeetingItem } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { meetingRelation } from '../../access/meeting.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import type { TAuditEvent } from '../audit/audit-writer.ts';
import { decideItems, ITEM_COLUMNS, type TMeetingRole } from './meetings.access.ts';

// biome-ignore lint/suspicious/noExplicitAny: a pg row, typed by the SELECT (ACTION_SELECT)
export function actionFromRow(r: Record<string, any>, today: string): TAction {
  return {
    id: r.id,
    itemId: r.item_id,
    title: r.title,
    owner: { id: r.owner_id, name: r.owner_name },
    dueOn: r.due_on,
    status: r.status,
    doneOn: r.done_on,
    overdue: (r.status === 'open' || r.status === 'inProgress') && r.due_on < today,
    version: r.version,
  };
}

export const ACTION_SELECT = `SELECT a.id, a.item_id, a.title, a.owner_id, ou.name AS owner_name, a.due_on::text AS due_on, a.status,
    a.done_on::text AS done_on, a.version
  FROM meeting_actions a JOIN users ou ON ou.municipality_id = a.municipality_id AND ou.id = a.owner_id`;

/**
 * The meeting as the user may see it: every item, but a named item's child, topic and minutes only while the
 * sharing rule allows it. Answers the audit events for the named items shown (one per child read).
 */
export async function selectMeeting(
  q: Queryable,
  ctx: Pick<TCtx, 'user' | 'ip'>,
  role: TMeetingRole,
): Promise<{ meeting: TMeeting; reads: TAuditEvent[] }> {
  const m = ctx.user.municipalityId;
  const id = role.meeting.id;
  const { rows: heads } = await q.query(
    `SELECT mt.id, mt.title, mt.meeting_on::text AS meeting_on, to_char(mt.starts_at, 'HH24:MI') AS starts_at, mt.status,
            mt.version, mt.organiser_id, ou.name AS organiser_name,
            coalesce(u.id, d.id) AS place_id, coalesce(u.name, d.name) AS place_name, CASE WHEN u.id IS NULL THEN 'district' ELSE 'unit' END AS place_kind
       FROM meetings mt JOIN users ou ON ou.municipality_id = mt.municipality_id AND ou.id = mt.organiser_id
       LEFT JOIN units u ON u.municipality_id = mt.municipality_id AND u.id = mt.unit_id
       LEFT JOIN districts d ON d.municipality_id = mt.municipality_id AND d.id = mt.district_id
      WHERE mt.municipality_id = $1 AND mt.id = $2`,
    [m, id],
  );
  const h = heads[0];
  const { rows: people } = await q.query(
    `SELECT p.user_id AS "userId", u.name, p.profession FROM meeting_participants p
       JOIN users u ON u.municipality_id = p.municipality_id AND u.id = p.user_id
      WHERE p.municipality_id = $1 AND p.meeting_id = $2 ORDER BY u.name`,
    [m, id],
  );
  const { rows: items } = await q.query(
    `SELECT i.*, ${ITEM_COLUMNS}, i.helped, i.scaling_after, i.followed_up_at,
            c.first_name || ' ' || c.last_name AS child_name
       FROM meeting_items i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
       LEFT JOIN children c ON c.municipality_id = i.municipality_id AND c.id = i.child_id
      WHERE i.municipality_id = $1 AND i.meeting_id = $2 ORDER BY i.position`,
    [m, id],
  );
  const { rows: actions } = await q.query(
    `${ACTION_SELECT} JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
      WHERE a.municipality_id = $1 AND i.meeting_id = $2 ORDER BY a.due_on, a.created_at`,
    [m, id],
  );
  const decisions = await decideItems(q, m, items, role.reader, role.today);
  const reads: TAuditEvent[] = [];
  const agenda: TMeetingItem[] = items.map((i) => {
    const decision = decisions.get(i.id) ?? null;
    const open = i.kind === 'anonymous' || decision?.allowed === true;
    const relation = meetingRelation(id, decision);
    if (relation) {
      reads.push(
        auditEvent(ctx, {
          // Whoever shows the meeting (its organiser creating it too), the child is read as a participant.
          permission: 'read:meeting:own',
          relation,
          action: 'read',
          entity: 'meetingItem',
          entityId: i.id,
          childId: i.child_id,
          detail: {
            basis: relation.basis,
            consentId: relation.basis === 'consent' ? relation.consentId : null,
          },
        }),
      );
    }
    const itemActions = actions.filter((a) => a.item_id === i.id).map((a) => actionFromRow(a, role.today));
    return {
      id: i.id,
      position: i.position,
      kind: i.kind,
      basis: i.basis,
      access: decision
        ? decision.allowed
          ? {
              allowed: true,
              basis: decision.basis,
              consentId: decision.basis === 'consent' ? decision.consentId : null,
              infoKinds: decision.infoKinds,
            }
          : { allowed: false, reason: decision.reason }
        : null,
      child: open && i.child_id ? { id: i.child_id, name: i.child_name } : null,
      concernId: open ? i.concern_id : null,
      followUpReason: open ? i.follow_up_reason : null,
      topic: open ? i.topic : null,
      minutes: open
        ? {
            worried: i.worried,
            workingWell: i.working_well,
            nextSteps: i.next_steps,
            scaling: i.scaling,
            decisions: i.decisions,
            followUpOn: i.follow_up_on,
          }
        : null,
      followUp:
        open && i.helped
          ? { helped: i.helped, scalingAfter: i.scaling_after, at: new Date(i.followed_up_at).toISOString() }
          : null,
      // An owner still sees their own action on a closed item, without the child.
      actions: open ? itemActions : itemActions.filter((a) => a.owner.id === ctx.user.userId),
      version: i.version,
    };
  });
  const canManage = role.isOrganiser && ctx.user.permissions.has('manage:meeting:unit');
  return {
    meeting: {
      id,
      title: h.title,
      meetingOn: h.meeting_on,
      startsAt: h.starts_at,
      place: { kind: h.place_kind, id: h.place_id, name: h.place_name },
      organiser: { id: h.organiser_id, name: h.organiser_name },
      status: h.status,
      items: agenda.length,
      participants: people.length,
      people,
      agenda,
      canManage,
      canWriteMinutes: role.participant !== null && ctx.user.permissions.has('write:minutes:own'),
      version: h.version,
    },
    reads,
  };
}

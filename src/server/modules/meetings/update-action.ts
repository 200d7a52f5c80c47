import type { TAction, TUpdateActionRequest } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { ACTION_SELECT, actionFromRow } from './meeting-document.ts';
import { requireMeetingRole } from './meetings.access.ts';

/**
 * Moves an action's status (optimistic locking). Its owner may always do so — it reads nothing of the child —
 * and so may the meeting's organiser; other participants may not.
 */
export const updateAction = defineUseCase(
  'write:minutes:own',
  async (ctx, actionId: string, input: TUpdateActionRequest): Promise<TAction> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        `SELECT a.owner_id, a.version, i.meeting_id, i.child_id FROM meeting_actions a
         JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
        WHERE a.municipality_id = $1 AND a.id = $2 FOR UPDATE OF a`,
        [m, actionId],
      );
      const a = rows[0];
      if (!a) throw new AppError('NOT_FOUND');
      const role = await requireMeetingRole(q, ctx, a.meeting_id);
      if (a.owner_id !== ctx.user.userId && !role.isOrganiser) throw new AppError('FORBIDDEN');
      if (a.version !== input.version) throw new AppError('STALE_VERSION');
      await q.query(
        `UPDATE meeting_actions SET status = $3, done_on = CASE WHEN $3 = 'done' THEN current_date END, version = version + 1
        WHERE municipality_id = $1 AND id = $2`,
        [m, actionId, input.status],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'update',
          entity: 'meetingAction',
          entityId: actionId,
          childId: a.child_id,
          purpose: `meeting:${a.meeting_id}:actionOwner`,
          detail: { status: input.status },
        }),
      );
      const { rows: updated } = await q.query(`${ACTION_SELECT} WHERE a.municipality_id = $1 AND a.id = $2`, [
        m,
        actionId,
      ]);
      return actionFromRow(updated[0], role.today);
    });
  },
);

import { containsCpr } from '../../../domain/sharing/anonymous-text.ts';
import type { TAction, TCreateActionRequest } from '../../../shared/schemas/meetings.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { ACTION_SELECT, actionFromRow } from './meeting-document.ts';
import { writeItem } from './write-item.ts';

/**
 * An agreed action on an item: an owner who takes part in the meeting and a due date, or nothing is written.
 * An action of an anonymous consultation must not carry a CPR number.
 */
export const createAction = defineUseCase(
  'write:minutes:own',
  async (ctx, itemId: string, input: TCreateActionRequest): Promise<TAction> => {
    return writeItem(ctx, itemId, null, 'action', async (q, { item, role }) => {
      const m = ctx.user.municipalityId;
      if (item.kind === 'anonymous' && containsCpr(input.title))
        throw fieldError('title', 'field.cprInAnonymous');
      const { rows: owner } = await q.query(
        'SELECT 1 FROM meeting_participants WHERE municipality_id = $1 AND meeting_id = $2 AND user_id = $3',
        [m, item.meeting_id, input.ownerId],
      );
      if (owner.length === 0) throw fieldError('ownerId', 'field.notParticipant');
      const { rows } = await q.query(
        `INSERT INTO meeting_actions (municipality_id, item_id, title, owner_id, due_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [m, item.id, input.title, input.ownerId, input.dueOn, ctx.user.userId],
      );
      const { rows: created } = await q.query(`${ACTION_SELECT} WHERE a.municipality_id = $1 AND a.id = $2`, [
        m,
        rows[0].id,
      ]);
      return actionFromRow(created[0], role.today);
    });
  },
);

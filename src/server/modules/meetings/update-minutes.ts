import { containsCpr } from '../../../domain/sharing/anonymous-text.ts';
import type { TUpdateMinutesRequest } from '../../../shared/schemas/meetings.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { writeItem } from './write-item.ts';

/**
 * Minutes of an item: the three columns, scaling, decisions and the follow-up date (optimistic locking). The
 * minutes of an anonymous consultation must not name the child by CPR number, as its topic may not.
 */
export const updateMinutes = defineUseCase(
  'write:minutes:own',
  async (ctx, itemId: string, input: TUpdateMinutesRequest): Promise<{ id: string; version: number }> => {
    return writeItem(ctx, itemId, input.version, 'minutes', async (q, { item, role }) => {
      if (input.followUpOn && input.followUpOn <= role.meeting.meeting_on)
        throw fieldError('followUpOn', 'field.followUpBeforeMeeting');
      if (item.kind === 'anonymous') {
        const texts = ['worried', 'workingWell', 'nextSteps', 'decisions'] as const;
        const named = texts.find((f) => containsCpr(input[f]));
        if (named) throw fieldError(named, 'field.cprInAnonymous');
      }
      const { rows } = await q.query(
        `UPDATE meeting_items SET worried = $3, working_well = $4, next_steps = $5, scaling = $6, decisions = $7,
              follow_up_on = $8, minutes_by = $9, minutes_at = now(), version = version + 1
        WHERE municipality_id = $1 AND id = $2 RETURNING version`,
        [
          ctx.user.municipalityId,
          item.id,
          input.worried,
          input.workingWell,
          input.nextSteps,
          input.scaling,
          input.decisions,
          input.followUpOn,
          ctx.user.userId,
        ],
      );
      await q.query(
        `UPDATE meetings SET status = 'held' WHERE municipality_id = $1 AND id = $2 AND status = 'planned' AND meeting_on <= current_date`,
        [ctx.user.municipalityId, item.meeting_id],
      );
      return { id: item.id, version: rows[0].version };
    });
  },
);

import type { TRecordFollowUpRequest } from '../../../shared/schemas/meetings.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { writeItem } from './write-item.ts';

/** At follow-up: did it help (yes / partly / no) and the scaling again. Needs a follow-up date in the minutes. */
export const recordFollowUp = defineUseCase(
  'write:minutes:own',
  async (ctx, itemId: string, input: TRecordFollowUpRequest): Promise<{ id: string; version: number }> => {
    return writeItem(ctx, itemId, input.version, 'followUp', async (q, { item }) => {
      if (!item.follow_up_on) throw fieldError('followUpOn', 'field.noFollowUpDate');
      const { rows } = await q.query(
        `UPDATE meeting_items SET helped = $3, scaling_after = $4, followed_up_at = now(), followed_up_by = $5,
              version = version + 1
        WHERE municipality_id = $1 AND id = $2 RETURNING version`,
        [ctx.user.municipalityId, item.id, input.helped, input.scalingAfter, ctx.user.userId],
      );
      return { id: item.id, version: rows[0].version };
    });
  },
);

import type { TCase, TChildConversationRequest } from '../../../shared/schemas/cases.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';
import { assertNotInFuture } from './held-date.ts';

/** § 8: the conversation with the child — held, declined by the child, or not held and why. */
export const recordChildConversation = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, input: TChildConversationRequest): Promise<TCase> => {
    return writeCase(ctx, caseId, async (q, c) => {
      assertNotInFuture('onDate', input.onDate);
      const { rows } = await q.query(
        `INSERT INTO child_conversations (municipality_id, case_id, outcome, on_date, note, reason_not_held, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          ctx.user.municipalityId,
          caseId,
          input.outcome,
          input.onDate,
          input.note || null,
          input.outcome === 'notHeld' ? input.reasonNotHeld : input.reasonNotHeld || null,
          ctx.user.userId,
        ],
      );
      await recordCaseWrite(q, ctx, c, 'conversationRecorded', {
        outcome: input.outcome,
        onDate: input.onDate,
        conversationId: rows[0].id,
      });
    });
  },
);

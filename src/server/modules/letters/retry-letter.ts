import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** Puts a failed letter back in the queue for another round of attempts. Only failed letters: 409 otherwise. */
export const retryLetter = defineUseCase(
  'manage:letter:municipality',
  async (ctx, letterId: string): Promise<{ id: string; status: 'queued' }> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        'SELECT id, status, child_id FROM letters WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
        [m, letterId],
      );
      const letter = rows[0];
      if (!letter) throw new AppError('NOT_FOUND');
      if (letter.status !== 'failed') throw new AppError('LETTER_NOT_FAILED');
      await q.query(
        `UPDATE letters SET status = 'queued', attempts = 0, next_attempt_at = now()
        WHERE municipality_id = $1 AND id = $2`,
        [m, letterId],
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'retry',
          entity: 'letter',
          entityId: letterId,
          childId: letter.child_id,
          purpose: 'outbox',
          detail: null,
        }),
      );
      return { id: letterId, status: 'queued' as const };
    });
  },
);

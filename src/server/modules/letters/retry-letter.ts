import { auditEvent } from '../../access/audit-event.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';

/** Puts a failed letter back in the queue for another round of attempts. Only failed letters: 409 otherwise. */
export async function retryLetter(ctx: TCtx, letterId: string): Promise<{ id: string; status: 'queued' }> {
  requirePermission(ctx, 'manage:letter:municipality');
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
        permission: 'manage:letter:municipality',
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
}

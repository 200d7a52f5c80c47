import type { TPage } from '../../../shared/schemas/common.ts';
import type { TFindLettersQuery, TLetterCounts, TLetterSummary } from '../../../shared/schemas/letters.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';

/**
 * The municipality's outbox, newest first, with counts per status. Recipients are named, so the listing is
 * audited as one read of the letters shown (the children they concern in the event's detail).
 */
export const findLetters = defineUseCase(
  'read:letter:municipality',
  async (ctx, query: TFindLettersQuery): Promise<TPage<TLetterSummary> & { counts: TLetterCounts }> => {
    const m = ctx.user.municipalityId;
    const result = await ctx.db.tenantRead(m, async (q) => {
      const where = `municipality_id = $1 AND ($2::letter_status IS NULL OR status = $2) AND ($3::text IS NULL OR kind = $3)`;
      const params = [m, query.status ?? null, query.kind ?? null];
      const { rows } = await q.query(
        `SELECT id, kind, subject, recipient_name, child_id, status, attempts, last_error, transport,
              created_at, sent_at, next_attempt_at, count(*) OVER () AS total
         FROM letters WHERE ${where}
        ORDER BY created_at DESC, id
        LIMIT $4 OFFSET $5`,
        [...params, query.pageSize, (query.page - 1) * query.pageSize],
      );
      const counts = await q.query(
        `SELECT status, count(*)::int AS n FROM letters WHERE municipality_id = $1 GROUP BY status`,
        [m],
      );
      return { rows, counts: counts.rows };
    });
    const items: TLetterSummary[] = result.rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      subject: r.subject,
      recipientName: r.recipient_name,
      childId: r.child_id,
      status: r.status,
      attempts: r.attempts,
      lastError: r.last_error,
      transport: r.transport,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at ? r.sent_at.toISOString() : null,
      nextAttemptAt: r.next_attempt_at.toISOString(),
    }));
    const counts: TLetterCounts = { queued: 0, sent: 0, failed: 0 };
    for (const c of result.counts) counts[c.status as keyof TLetterCounts] = c.n;
    if (items.length > 0)
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'list',
          entity: 'letter',
          purpose: 'outbox',
          detail: {
            letters: items.map((i) => i.id),
            // Under `childIds`, where the audit search looks for a child's list reads.
            childIds: [...new Set(items.map((i) => i.childId).filter(Boolean))],
          },
        }),
      );
    return { items, total: result.rows[0]?.total ?? 0, page: query.page, pageSize: query.pageSize, counts };
  },
);

import type { TNoticeException } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectExceptions } from './exception-document.ts';
import { reviewScope } from './review-scope.ts';

/** The leader has looked at an exception (its ground, reason and end) and notes what they found. */
export const reviewNoticeException = defineUseCase(
  ['manage:notice:unit', 'manage:notice:team'],
  async (ctx, exceptionId: string, note: string): Promise<TNoticeException> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`UPDATE notice_exceptions x SET reviewed_by = ${ctx.user.userId}, reviewed_at = now(), review_note = ${note}
             WHERE x.municipality_id = ${m} AND x.id = ${exceptionId} AND (${reviewScope(ctx)})
            RETURNING x.child_id`,
      );
      if (!rows[0]) throw new AppError('NOT_FOUND');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'review',
          entity: 'notice-exception',
          entityId: exceptionId,
          childId: rows[0].child_id,
          purpose: 'notice-review',
          detail: { note: note.length > 0 },
        }),
      );
      const [exception] = await selectExceptions(q, m, sql`x.id = ${exceptionId}`);
      return exception as TNoticeException;
    });
  },
);

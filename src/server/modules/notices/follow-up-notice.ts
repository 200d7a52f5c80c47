import type { TNoticeFollowUp } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectNotices } from './notice-document.ts';

/** A notice on the follow-up list has been given another way (by hand, at a meeting): how, in a note. */
export const followUpNotice = defineUseCase(
  'manage:notice:unit',
  async (ctx, noticeId: string, note: string): Promise<TNoticeFollowUp> => {
    const m = ctx.user.municipalityId;
    const units = unitsWith(ctx, 'manage:notice:unit');
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT status, child_ids FROM notices
             WHERE municipality_id = ${m} AND id = ${noticeId} AND unit_ids && ${units}::uuid[] FOR UPDATE`,
      );
      const n = rows[0];
      if (!n) throw new AppError('NOT_FOUND');
      if (n.status !== 'followUp') throw new AppError('NOTICE_NOT_FOLLOW_UP');
      await q.query(
        sql`UPDATE notices SET status = 'followedUp', handled_by = ${ctx.user.userId}, handled_at = now(),
                   handled_note = ${note}
             WHERE municipality_id = ${m} AND id = ${noticeId}`,
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'follow-up',
          entity: 'information-notice',
          entityId: noticeId,
          childId: (n.child_ids as string[])[0] ?? null,
          purpose: 'notice-follow-up',
          detail: { childIds: n.child_ids },
        }),
      );
      const [notice] = await selectNotices(q, m, sql`n.id = ${noticeId}`);
      return notice as TNoticeFollowUp;
    });
  },
);

import type { TChildNotices } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectExceptions } from './exception-document.ts';
import { selectNotices } from './notice-document.ts';
import { exceptionsEndableBy, exceptionWritePermission, noticeChildAccess } from './notices.access.ts';

/**
 * The child's notices — which went to whom and when, and which recipients wait for manual follow-up — the
 * recordings not yet told about, and every exception recorded: for those who may see the child (its units
 * and coordinator, or the caseworkers of its case). An audited read.
 */
export const getChildNotices = defineUseCase(
  ['read:notice:unit', 'read:notice:team'],
  async (ctx, childId: string): Promise<TChildNotices> => {
    const m = ctx.user.municipalityId;
    const result = await ctx.db.tenantRead(m, async (q) => {
      const access = await noticeChildAccess(q, ctx, childId, ctx.permission);
      if (!access) throw new AppError('NOT_FOUND');
      const notices = await selectNotices(q, m, sql`${childId}::uuid = ANY(n.child_ids)`);
      const pending = await q.query(
        sql`SELECT s.kind, s.period, r.name AS round_name, s.recorded_at,
                   EXISTS (SELECT 1 FROM notice_exceptions x WHERE x.municipality_id = s.municipality_id
                             AND x.child_id = s.child_id AND x.ended_at IS NULL AND s.kind = ANY(x.kinds)) AS held
              FROM notice_subjects s
              LEFT JOIN assessment_rounds r ON r.municipality_id = s.municipality_id AND r.id = s.round_id
             WHERE s.municipality_id = ${m} AND s.child_id = ${childId} AND s.notified_at IS NULL
             ORDER BY s.recorded_at DESC`,
      );
      const write = exceptionWritePermission(ctx);
      const exceptions = await selectExceptions(
        q,
        m,
        sql`x.child_id = ${childId}`,
        write ? exceptionsEndableBy(ctx, write) : undefined,
      );
      return {
        access,
        answer: {
          notices: notices.map(({ unitName: _u, ...n }) => n),
          pending: pending.rows.map((r) => ({
            kind: r.kind,
            period: r.period,
            roundName: r.round_name,
            since: r.recorded_at.toISOString(),
            held: r.held,
          })),
          exceptions,
        },
      };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        relation: result.access.relation,
        action: 'read',
        entity: 'information-notice',
        childId,
        detail: {
          view: 'child',
          notices: result.answer.notices.length,
          exceptions: result.answer.exceptions.length,
        },
      }),
    );
    return result.answer;
  },
);

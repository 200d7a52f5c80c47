import { exceptionEndProblem } from '../../../domain/notices/exception-rules.ts';
import type { TNoticeException, TNoticeExceptionRequest } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase, type TActingCtx } from '../../http/use-case.ts';
import { selectExceptions } from './exception-document.ts';
import { exceptionsEndableBy, noticeChildAccess, type TNoticeChildAccess } from './notices.access.ts';
import { noticesRecorded } from './notices-recorded.ts';

/**
 * Writes an exception in the caller's transaction, with its audit event: checked first (an end that is a
 * day after today, at most a year ahead, or the authority's decision; a concern about this child). Used by
 * the exception endpoint and by a concern recorded together with its exception (create-concern.ts), so the
 * notice about such a concern is held back from the start.
 */
export async function insertNoticeException(
  q: Queryable,
  ctx: TActingCtx,
  childId: string,
  access: TNoticeChildAccess,
  input: TNoticeExceptionRequest,
  field = '',
): Promise<string> {
  const m = ctx.user.municipalityId;
  const today: string = (await q.query('SELECT current_date::text AS d')).rows[0].d;
  const problem = exceptionEndProblem(input, today);
  if (problem) throw fieldError(`${field}${problem.field}`, problem.key, problem.params);
  if (input.concernId) {
    const { rows } = await q.query(
      sql`SELECT 1 FROM concerns WHERE municipality_id = ${m} AND id = ${input.concernId} AND child_id = ${childId}`,
    );
    if (rows.length === 0) throw fieldError(`${field}concernId`, 'field.unknownConcern');
  }
  const { rows } = await q.query(
    sql`INSERT INTO notice_exceptions (municipality_id, child_id, kinds, decision, ground, reason, until_date,
                                       until_case_decides, concern_id, unit_id, team_id, recorded_by)
        VALUES (${m}, ${childId}, ${[...new Set(input.kinds)]}::notice_kind[], ${input.decision}, ${input.ground},
                ${input.reason}, ${input.untilDate ?? null}, ${input.untilCaseDecides}, ${input.concernId ?? null},
                ${access.unitId}, ${access.teamId}, ${ctx.user.userId})
        RETURNING id`,
  );
  const id: string = rows[0].id;
  await ctx.audit.inTransaction(
    q,
    auditEvent(ctx, {
      relation: access.relation,
      action: 'create',
      entity: 'notice-exception',
      entityId: id,
      childId,
      detail: {
        kinds: input.kinds,
        decision: input.decision,
        ground: input.ground,
        untilDate: input.untilDate ?? null,
        untilCaseDecides: input.untilCaseDecides,
        concernId: input.concernId ?? null,
      },
    }),
  );
  return id;
}

/**
 * A professional or caseworker records that the notice about a child is postponed or omitted, on which
 * lawful ground and why, until a day or until the authority decides. Recordings about the child of the
 * kinds named are held back from then on, until the exception ends (end-due-exceptions.ts).
 */
export const recordNoticeException = defineUseCase(
  ['write:notice-exception:unit', 'write:notice-exception:team'],
  async (ctx, childId: string, input: TNoticeExceptionRequest): Promise<TNoticeException> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const access = await noticeChildAccess(q, ctx, childId, ctx.permission);
      if (!access) throw new AppError('NOT_FOUND');
      const id = await insertNoticeException(q, ctx, childId, access, input);
      const [exception] = await selectExceptions(q, m, sql`x.id = ${id}`);
      return exception as TNoticeException;
    });
  },
);

/**
 * The recorder's side ends an exception before its time (the risk has passed), with a note: the notices
 * it held back go out now.
 */
export const endNoticeException = defineUseCase(
  ['write:notice-exception:unit', 'write:notice-exception:team'],
  async (ctx, exceptionId: string, note: string): Promise<TNoticeException> => {
    const m = ctx.user.municipalityId;
    const result = await ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT x.child_id, x.ended_at, ${exceptionsEndableBy(ctx, ctx.permission)} AS endable
              FROM notice_exceptions x WHERE x.municipality_id = ${m} AND x.id = ${exceptionId} FOR UPDATE`,
      );
      const x = rows[0];
      if (!x) throw new AppError('NOT_FOUND');
      const access = await noticeChildAccess(q, ctx, x.child_id, ctx.permission);
      if (!access) throw new AppError('NOT_FOUND');
      // Seen on the child's profile, but recorded by another unit or team: theirs to end.
      if (!x.endable) throw new AppError('FORBIDDEN');
      if (x.ended_at) throw new AppError('EXCEPTION_ENDED');
      await q.query(
        sql`UPDATE notice_exceptions SET ended_at = now(), end_cause = 'manual', ended_by = ${ctx.user.userId},
                   end_note = ${note}
             WHERE municipality_id = ${m} AND id = ${exceptionId}`,
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          relation: access.relation,
          action: 'end',
          entity: 'notice-exception',
          entityId: exceptionId,
          childId: x.child_id,
          detail: { cause: 'manual' },
        }),
      );
      const scopes = await q.query(
        sql`SELECT DISTINCT kind, scope FROM notice_subjects
             WHERE municipality_id = ${m} AND child_id = ${x.child_id} AND notified_at IS NULL`,
      );
      const [exception] = await selectExceptions(q, m, sql`x.id = ${exceptionId}`);
      return { exception: exception as TNoticeException, scopes: scopes.rows };
    });
    await noticesRecorded(ctx, m, result.scopes);
    return result.exception;
  },
);

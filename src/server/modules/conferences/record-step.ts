import { nextPhase, stepActor, type TConferenceStep } from '../../../domain/conferences/phases.ts';
import type { TConference } from '../../../shared/schemas/conference-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import { selectConference } from './conference-document.ts';
import { conferenceAccess, type TConferenceAccess } from './conferences.access.ts';

/**
 * The frame of every step of the workflow: the conference locked, the user's way to it (404 without one; 403
 * when it is not theirs to record — the coordinator runs the phases, the approver decides), the step in order
 * (409 `CONFERENCE_PHASE` otherwise), the version read (409 when stale), the day not in the future. Then the
 * step's own writes, the new phase, the step with its date and who, and the audit event, in one transaction.
 */
export async function recordStep(
  ctx: TActingCtx,
  conferenceId: string,
  step: TConferenceStep,
  input: { version: number; heldOn: string },
  write: (q: Queryable, access: TConferenceAccess, today: string) => Promise<Record<string, unknown>>,
): Promise<TConference> {
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    const access = await conferenceAccess(q, ctx, conferenceId, { forUpdate: true });
    const allowed = stepActor(step) === 'coordinator' ? access.coordinate : access.decide;
    if (!allowed) throw new AppError('FORBIDDEN');
    const next = nextPhase(access.row.phase, step);
    if (!next) throw new AppError('CONFERENCE_PHASE', { params: { phase: access.row.phase } });
    if (access.row.version !== input.version) throw new AppError('STALE_VERSION');
    const { rows } = await q.query(sql`SELECT current_date::text AS today`);
    const today: string = rows[0].today;
    if (input.heldOn > today) throw fieldError('heldOn', 'field.heldInFuture');
    const detail = await write(q, access, today);
    await q.query(
      sql`UPDATE conferences SET phase = ${next}, version = version + 1
           WHERE municipality_id = ${m} AND id = ${conferenceId}`,
    );
    await q.query(
      sql`INSERT INTO conference_steps (municipality_id, conference_id, seq, step, held_on, by_user)
          SELECT ${m}, ${conferenceId}, coalesce(max(seq), 0) + 1, ${step}, ${input.heldOn}, ${ctx.user.userId}
            FROM conference_steps WHERE municipality_id = ${m} AND conference_id = ${conferenceId}`,
    );
    await ctx.audit.inTransaction(
      q,
      auditEvent(ctx, {
        permission: access.permission,
        relation: access.relation,
        action: 'update',
        entity: 'conference',
        entityId: conferenceId,
        childId: access.row.child_id,
        detail: { step: step, phase: next, ...detail },
      }),
    );
    access.row.phase = next;
    return selectConference(q, m, access);
  });
}

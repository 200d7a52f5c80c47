import type { TCase, TFollowUpRequest } from '../../../shared/schemas/cases.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/** § 95: a follow-up held (once), and the next one if agreed. */
export function recordFollowUp(
  ctx: TCtx,
  caseId: string,
  followUpId: string,
  input: TFollowUpRequest,
): Promise<TCase> {
  const m = ctx.user.municipalityId;
  return writeCase(ctx, caseId, async (q, c) => {
    const { rows } = await q.query(
      'SELECT measure_id, held_on FROM case_follow_ups WHERE municipality_id = $1 AND case_id = $2 AND id = $3 FOR UPDATE',
      [m, caseId, followUpId],
    );
    const f = rows[0];
    if (!f) throw new AppError('NOT_FOUND');
    if (f.held_on) throw new AppError('CONFLICT');
    if (input.nextDueOn && input.nextDueOn <= input.heldOn)
      throw fieldError('nextDueOn', 'field.endBeforeStart');
    await q.query(
      `UPDATE case_follow_ups SET held_on = $4, note = $5, held_by = $6 WHERE municipality_id = $1 AND case_id = $2 AND id = $3`,
      [m, caseId, followUpId, input.heldOn, input.note || null, ctx.user.userId],
    );
    if (input.nextDueOn)
      await q.query(
        'INSERT INTO case_follow_ups (municipality_id, case_id, measure_id, due_on) VALUES ($1, $2, $3, $4)',
        [m, caseId, f.measure_id, input.nextDueOn],
      );
    await recordCaseWrite(q, ctx, c, 'write:case:team', 'followUpHeld', {
      followUpId,
      heldOn: input.heldOn,
      nextDueOn: input.nextDueOn ?? null,
    });
  });
}

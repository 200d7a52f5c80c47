import { nextFollowUpDue } from '../../../domain/deadlines/index.ts';
import type { TCase, TFollowUpRequest } from '../../../shared/schemas/cases.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';
import { assertNotInFuture } from './held-date.ts';

/** § 95: a follow-up held (once), and the next one: as agreed, or by default 6 months on while the measure runs. */
export const recordFollowUp = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, followUpId: string, input: TFollowUpRequest): Promise<TCase> => {
    const m = ctx.user.municipalityId;
    return writeCase(ctx, caseId, async (q, c) => {
      const { rows } = await q.query(
        `SELECT f.measure_id, f.held_on, m.ends_on FROM case_follow_ups f
         LEFT JOIN case_measures m ON m.municipality_id = f.municipality_id AND m.id = f.measure_id
        WHERE f.municipality_id = $1 AND f.case_id = $2 AND f.id = $3 FOR UPDATE OF f`,
        [m, caseId, followUpId],
      );
      const f = rows[0];
      if (!f) throw new AppError('NOT_FOUND');
      if (f.held_on) throw new AppError('CONFLICT');
      assertNotInFuture('heldOn', input.heldOn);
      if (input.nextDueOn && input.nextDueOn <= input.heldOn)
        throw fieldError('nextDueOn', 'field.endBeforeStart');
      await q.query(
        `UPDATE case_follow_ups SET held_on = $4, note = $5, held_by = $6 WHERE municipality_id = $1 AND case_id = $2 AND id = $3`,
        [m, caseId, followUpId, input.heldOn, input.note || null, ctx.user.userId],
      );
      // Left empty, the next follow-up is the statutory one (6 months on, while the measure runs): the
      // schedule never silently stops after the first.
      const nextDueOn = input.nextDueOn ?? (f.measure_id ? nextFollowUpDue(input.heldOn, f.ends_on) : null);
      if (nextDueOn)
        await q.query(
          'INSERT INTO case_follow_ups (municipality_id, case_id, measure_id, due_on) VALUES ($1, $2, $3, $4)',
          [m, caseId, f.measure_id, nextDueOn],
        );
      await recordCaseWrite(q, ctx, c, 'followUpHeld', {
        followUpId,
        heldOn: input.heldOn,
        nextDueOn,
      });
    });
  },
);

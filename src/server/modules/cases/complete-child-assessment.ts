import type { TCase, TCompleteAssessmentRequest } from '../../../shared/schemas/cases.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/**
 * Records the § 20 child assessment as finished. Finished after its deadline, it needs the preliminary
 * assessment that the law asks for when the 4 months are exceeded (400 until one is recorded).
 */
export const completeChildAssessment = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, input: TCompleteAssessmentRequest): Promise<TCase> => {
    return writeCase(ctx, caseId, async (q, c) => {
      if (c.version !== input.version) throw new AppError('STALE_VERSION');
      if (c.assessment_completed_on) throw new AppError('CONFLICT');
      if (input.completedOn > c.assessment_due_on && !c.preliminary_recorded_on)
        throw fieldError('completedOn', 'field.preliminaryRequired');
      await q.query(
        `UPDATE cases SET assessment_completed_on = $3, assessment_summary = $4 WHERE municipality_id = $1 AND id = $2`,
        [ctx.user.municipalityId, caseId, input.completedOn, input.summary],
      );
      await recordCaseWrite(q, ctx, c, 'assessmentCompleted', {
        completedOn: input.completedOn,
        onTime: input.completedOn <= c.assessment_due_on,
      });
    });
  },
);

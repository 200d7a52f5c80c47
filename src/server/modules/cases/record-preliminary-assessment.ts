import type { TCase, TPreliminaryAssessmentRequest } from '../../../shared/schemas/cases.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today } from './case-document.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/** The preliminary assessment when the § 20 deadline is exceeded: where things stand and what remains. */
export const recordPreliminaryAssessment = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, input: TPreliminaryAssessmentRequest): Promise<TCase> => {
    return writeCase(ctx, caseId, async (q, c) => {
      if (c.version !== input.version) throw new AppError('STALE_VERSION');
      if (c.assessment_completed_on) throw new AppError('CONFLICT');
      const on = today();
      await q.query(
        `UPDATE cases SET preliminary_assessment = $3, preliminary_recorded_on = $4
        WHERE municipality_id = $1 AND id = $2`,
        [ctx.user.municipalityId, caseId, input.text, on],
      );
      await recordCaseWrite(q, ctx, c, 'preliminaryRecorded', { recordedOn: on });
    });
  },
);

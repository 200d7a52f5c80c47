import type { TCase, TCloseCaseRequest } from '../../../shared/schemas/cases.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today } from './case-document.ts';
import { recordCaseWrite } from './case-events.ts';
import { writeCase } from './case-writes.ts';

/** Closes a case with a reason (optimistic locking). */
export const closeCase = defineUseCase(
  'write:case:team',
  async (ctx, caseId: string, input: TCloseCaseRequest): Promise<TCase> => {
    return writeCase(ctx, caseId, async (q, c) => {
      if (c.version !== input.version) throw new AppError('STALE_VERSION');
      const on = today();
      await q.query(
        `UPDATE cases SET status = 'closed', closed_on = $3, closed_reason = $4 WHERE municipality_id = $1 AND id = $2`,
        [ctx.user.municipalityId, caseId, on, input.reason],
      );
      await recordCaseWrite(q, ctx, c, 'closed', { closedOn: on, reason: input.reason });
    });
  },
);

import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TConferenceReviewRequest } from '../../../shared/schemas/conferences.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordStep } from './record-step.ts';

/** The review meeting, by the coordinator: the status of every task, and whether the plan helped. */
export const reviewPlan = defineUseCase(
  'coordinate:conference:own',
  async (ctx, conferenceId: string, input: TConferenceReviewRequest): Promise<TConference> =>
    recordStep(ctx, conferenceId, 'review', input, async (q) => {
      const m = ctx.user.municipalityId;
      const { rows } = await q.query(
        sql`SELECT id FROM conference_tasks WHERE municipality_id = ${m} AND conference_id = ${conferenceId}`,
      );
      const ids = new Set(rows.map((r) => r.id as string));
      input.tasks.forEach((t, i) => {
        if (!ids.has(t.taskId)) throw fieldError(`tasks.${i}.taskId`, 'field.unknownTask');
      });
      if (new Set(input.tasks.map((t) => t.taskId)).size !== ids.size)
        throw fieldError('tasks', 'field.everyTaskReviewed');
      for (const t of input.tasks)
        await q.query(
          sql`UPDATE conference_tasks SET review_status = ${t.status}
               WHERE municipality_id = ${m} AND id = ${t.taskId}`,
        );
      await q.query(
        sql`UPDATE conferences SET helped = ${input.helped}, review_note = ${input.note || null}
             WHERE municipality_id = ${m} AND id = ${conferenceId}`,
      );
      return { helped: input.helped, kept: input.tasks.filter((t) => t.status === 'done').length };
    }),
);

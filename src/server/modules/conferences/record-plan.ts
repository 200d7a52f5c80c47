import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TConferencePlanRequest } from '../../../shared/schemas/conferences.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordStep } from './record-step.ts';

/**
 * The family's plan, by the coordinator: tasks with what, who, by when and who checks it, each answering one of
 * the family's questions (and optionally a protective factor). A network person named as owner must be in the
 * child's network. A revised plan (after a refusal) replaces the tasks.
 */
export const recordPlan = defineUseCase(
  'coordinate:conference:own',
  async (ctx, conferenceId: string, input: TConferencePlanRequest): Promise<TConference> =>
    recordStep(ctx, conferenceId, 'plan', input, async (q, access, today) => {
      const m = ctx.user.municipalityId;
      const { rows } = await q.query(
        sql`SELECT jsonb_array_length(questions) AS questions FROM conferences
             WHERE municipality_id = ${m} AND id = ${conferenceId}`,
      );
      const questions: number = rows[0].questions;
      const ids = input.tasks.flatMap((t) => (t.networkPersonId ? [t.networkPersonId] : []));
      const { rows: known } = await q.query(
        sql`SELECT network_person_id FROM network_person_children
             WHERE municipality_id = ${m} AND child_id = ${access.row.child_id}
               AND network_person_id = ANY(${ids}::uuid[])`,
      );
      const network = new Set(known.map((r) => r.network_person_id as string));
      input.tasks.forEach((t, i) => {
        if (t.question >= questions) throw fieldError(`tasks.${i}.question`, 'field.noSuchQuestion');
        if (t.networkPersonId && !network.has(t.networkPersonId))
          throw fieldError(`tasks.${i}.networkPersonId`, 'field.notInvitable');
        if (t.dueOn < today) throw fieldError(`tasks.${i}.dueOn`, 'field.dueInPast');
      });
      await q.query(
        sql`DELETE FROM conference_tasks WHERE municipality_id = ${m} AND conference_id = ${conferenceId}`,
      );
      for (const [i, t] of input.tasks.entries())
        await q.query(
          sql`INSERT INTO conference_tasks (municipality_id, conference_id, position, what, owner_kind, owner_name,
                                            network_person_id, due_on, checked_by, question, factor_code)
              VALUES (${m}, ${conferenceId}, ${i}, ${t.what}, ${t.ownerKind}, ${t.ownerName},
                      ${t.networkPersonId ?? null}, ${t.dueOn}, ${t.checkedBy}, ${t.question}, ${t.factorCode || null})`,
        );
      await q.query(
        sql`UPDATE conferences SET refusal_reason = NULL WHERE municipality_id = ${m} AND id = ${conferenceId}`,
      );
      return { tasks: input.tasks.length };
    }),
);

import { latestReview } from '../../../domain/conferences/phases.ts';
import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TConferenceDecisionRequest } from '../../../shared/schemas/conferences.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { custodyRecipients } from '../letters/custody-recipients.ts';
import { queueLetters } from '../letters/queue-letter.ts';
import { conferenceReviewMonths } from '../network/network-document.ts';
import { recordStep } from './record-step.ts';

/**
 * The approver's decision on the family's plan: the case's caseworker, or the referrer of a preventive
 * conference. Approved unless it is against the child's interest, with the review date (after today, within the
 * municipality's months); the parents with custody then get the plan as a letter in plain Danish. Refused only
 * with a reason, and the family revises the plan.
 */
export const decidePlan = defineUseCase(
  ['write:conference:team', 'write:conference:unit'],
  async (ctx, conferenceId: string, input: TConferenceDecisionRequest): Promise<TConference> =>
    recordStep(
      ctx,
      conferenceId,
      input.decision === 'approved' ? 'approve' : 'refuse',
      input,
      async (q, access, today) => {
        const m = ctx.user.municipalityId;
        if (input.decision === 'refused') {
          await q.query(
            sql`UPDATE conferences SET refusal_reason = ${input.reason} WHERE municipality_id = ${m} AND id = ${conferenceId}`,
          );
          return { decision: 'refused' };
        }
        const months = await conferenceReviewMonths(q, m);
        const latest = latestReview(today, months);
        if (input.reviewOn <= today) throw fieldError('reviewOn', 'field.reviewInPast');
        if (input.reviewOn > latest) throw fieldError('reviewOn', 'field.reviewTooLate', { latest, months });
        await q.query(
          sql`UPDATE conferences SET review_on = ${input.reviewOn} WHERE municipality_id = ${m} AND id = ${conferenceId}`,
        );
        const { rows: facts } = await q.query(
          sql`SELECT c.first_name, u.name FROM children c, users u
               WHERE c.municipality_id = ${m} AND c.id = ${access.row.child_id}
                 AND u.municipality_id = ${m} AND u.id = ${ctx.user.userId}`,
        );
        const { rows: tasks } = await q.query(
          sql`SELECT what, owner_name, due_on::text AS due_on, checked_by FROM conference_tasks
               WHERE municipality_id = ${m} AND conference_id = ${conferenceId} ORDER BY position`,
        );
        const recipients = await custodyRecipients(q, m, [access.row.child_id]);
        const letters = await queueLetters(
          q,
          recipients.map((recipient) => ({
            municipalityId: m,
            kind: 'conferencePlan',
            recipient,
            template: 'conferencePlan' as const,
            data: {
              childFirstName: facts[0].first_name,
              approvedBy: String(facts[0].name).replace(/ \(demo\)$/, ''),
              reviewOn: input.reviewOn,
              tasks: tasks.map((t) => ({
                what: t.what,
                who: t.owner_name,
                dueOn: t.due_on,
                checkedBy: t.checked_by,
              })),
            },
            idempotencyKey: `conference:${conferenceId}:plan:${access.row.version}:${recipient.guardianId}`,
            createdBy: ctx.user.userId,
          })),
        );
        return { decision: 'approved', reviewOn: input.reviewOn, letters: letters.map((l) => l.id) };
      },
    ),
);

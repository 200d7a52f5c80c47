import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TPrepareConferenceRequest } from '../../../shared/schemas/conferences.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { queueLetters } from '../letters/queue-letter.ts';
import { recordStep } from './record-step.ts';

/**
 * Preparation, by the coordinator: the questions agreed with the family, the authority's concerns and bottom
 * lines, and the network persons invited — chosen with the child, each in the child's network — who each get an
 * invitation letter (PDF, through the outbox).
 */
export const prepareConference = defineUseCase(
  'coordinate:conference:own',
  async (ctx, conferenceId: string, input: TPrepareConferenceRequest): Promise<TConference> =>
    recordStep(ctx, conferenceId, 'prepare', input, async (q, access, today) => {
      const m = ctx.user.municipalityId;
      const ids = input.invitees.map((i) => i.networkPersonId);
      const { rows: persons } = await q.query(
        sql`SELECT DISTINCT p.id, p.name, p.email, p.phone FROM network_persons p
              JOIN network_person_children l ON l.municipality_id = p.municipality_id AND l.network_person_id = p.id
             WHERE p.municipality_id = ${m} AND p.id = ANY(${ids}::uuid[]) AND l.child_id = ${access.row.child_id}`,
      );
      const byId = new Map(persons.map((p) => [p.id as string, p]));
      input.invitees.forEach((invitee, i) => {
        if (!byId.has(invitee.networkPersonId))
          throw fieldError(`invitees.${i}.networkPersonId`, 'field.notInvitable');
      });
      const { rows: facts } = await q.query(
        sql`SELECT c.first_name, u.name, u.email FROM children c, users u
             WHERE c.municipality_id = ${m} AND c.id = ${access.row.child_id}
               AND u.municipality_id = ${m} AND u.id = ${access.row.coordinator_id}`,
      );
      const f = facts[0];
      const letters = await queueLetters(
        q,
        input.invitees.map((invitee) => {
          const p = byId.get(invitee.networkPersonId);
          return {
            municipalityId: m,
            kind: 'conferenceInvitation',
            recipient: {
              name: p.name,
              addressLines: [p.email ?? p.phone ?? ''].filter(Boolean),
              childId: null,
            },
            template: 'conferenceInvitation' as const,
            data: {
              childFirstName: f.first_name,
              coordinatorName: String(f.name).replace(/ \(demo\)$/, ''),
              coordinatorEmail: f.email ?? undefined,
              invitedOn: today,
              questions: input.questions,
            },
            idempotencyKey: `conference:${conferenceId}:invitation:${invitee.networkPersonId}`,
            createdBy: ctx.user.userId,
          };
        }),
      );
      for (const [i, invitee] of input.invitees.entries())
        await q.query(
          sql`INSERT INTO conference_invitees (municipality_id, conference_id, network_person_id, chosen_with_child, letter_id)
              VALUES (${m}, ${conferenceId}, ${invitee.networkPersonId}, ${invitee.chosenWithChild}, ${letters[i]?.id ?? null})`,
        );
      await q.query(
        sql`UPDATE conferences SET questions = ${JSON.stringify(input.questions)}::jsonb, concerns = ${input.concerns},
                   bottom_lines = ${input.bottomLines}
             WHERE municipality_id = ${m} AND id = ${conferenceId}`,
      );
      return { questions: input.questions.length, invitees: ids, letters: letters.map((l) => l.id) };
    }),
);

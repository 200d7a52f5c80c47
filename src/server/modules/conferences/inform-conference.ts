import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TInformConferenceRequest } from '../../../shared/schemas/conferences.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordStep } from './record-step.ts';

/** Information, by the coordinator: the professionals who informed the meeting, and what each brought. */
export const informConference = defineUseCase(
  'coordinate:conference:own',
  async (ctx, conferenceId: string, input: TInformConferenceRequest): Promise<TConference> =>
    recordStep(ctx, conferenceId, 'inform', input, async (q) => {
      await q.query(
        sql`UPDATE conferences SET informants = ${JSON.stringify(input.informants)}::jsonb
             WHERE municipality_id = ${ctx.user.municipalityId} AND id = ${conferenceId}`,
      );
      return { informants: input.informants.length };
    }),
);

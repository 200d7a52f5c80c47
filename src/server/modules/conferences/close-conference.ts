import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TCloseConferenceRequest } from '../../../shared/schemas/conferences.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordStep } from './record-step.ts';

/** Closes the plan, by the approver: only after a review was held. */
export const closeConference = defineUseCase(
  ['write:conference:team', 'write:conference:unit'],
  async (ctx, conferenceId: string, input: TCloseConferenceRequest): Promise<TConference> =>
    recordStep(ctx, conferenceId, 'close', input, async () => ({})),
);

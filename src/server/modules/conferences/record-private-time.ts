import type { TConference } from '../../../shared/schemas/conference-views.ts';
import type { TPrivateTimeRequest } from '../../../shared/schemas/conferences.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { recordStep } from './record-step.ts';

/**
 * The family's private time, by the coordinator: only that it took place and when. The family talks without
 * professionals; nothing of what was said is recorded (the request takes no other field).
 */
export const recordPrivateTime = defineUseCase(
  'coordinate:conference:own',
  async (ctx, conferenceId: string, input: TPrivateTimeRequest): Promise<TConference> =>
    recordStep(ctx, conferenceId, 'privateTime', input, async () => ({})),
);

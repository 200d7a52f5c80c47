import type { TMeeting } from '../../../shared/schemas/meetings.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectMeeting } from './meeting-document.ts';
import { requireMeetingRole } from './meetings.access.ts';

/** One meeting for a participant; each named child shown is a read audited with the basis it relied on. */
export const getMeeting = defineUseCase(
  'read:meeting:own',
  async (ctx, meetingId: string): Promise<TMeeting> => {
    const { meeting, reads } = await ctx.db.tenantRead(ctx.user.municipalityId, async (q) => {
      const role = await requireMeetingRole(q, ctx, meetingId);
      return selectMeeting(q, ctx, role);
    });
    await Promise.all(reads.map((e) => ctx.audit.record(e)));
    return meeting;
  },
);

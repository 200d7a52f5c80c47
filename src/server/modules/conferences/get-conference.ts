import type { TConference } from '../../../shared/schemas/conference-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConference } from './conference-document.ts';
import { conferenceAccess } from './conferences.access.ts';

/** One conference for its coordinator, its approver and the adults who see the child; the read is audited. */
export const getConference = defineUseCase(
  ['coordinate:conference:own', 'read:conference:team', 'read:conference:unit'],
  async (ctx, conferenceId: string): Promise<TConference> => {
    const m = ctx.user.municipalityId;
    const { access, conference } = await ctx.db.tenantRead(m, async (q) => {
      const access = await conferenceAccess(q, ctx, conferenceId);
      return { access, conference: await selectConference(q, m, access) };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: access.permission,
        relation: access.relation,
        action: 'read',
        entity: 'conference',
        entityId: conferenceId,
        childId: access.row.child_id,
      }),
    );
    return conference;
  },
);

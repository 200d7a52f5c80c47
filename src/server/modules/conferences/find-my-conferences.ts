import type { TConferenceListItem } from '../../../shared/schemas/conference-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConferenceList } from './conference-document.ts';

/** The conferences the user coordinates, newest first; each child named is audited under the coordination. */
export const findMyConferences = defineUseCase(
  'coordinate:conference:own',
  async (ctx): Promise<{ items: TConferenceListItem[] }> => {
    const m = ctx.user.municipalityId;
    const items = await ctx.db.tenantRead(m, (q) =>
      selectConferenceList(q, m, sql`k.coordinator_id = ${ctx.user.userId}`),
    );
    for (const c of items)
      await ctx.audit.record(
        auditEvent(ctx, {
          relation: { kind: 'conference', conferenceId: c.id, role: 'coordinator' },
          action: 'read',
          entity: 'conference',
          entityId: c.id,
          childId: c.child.id,
          detail: { view: 'list' },
        }),
      );
    return { items };
  },
);

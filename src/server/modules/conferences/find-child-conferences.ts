import type { TConferenceListItem } from '../../../shared/schemas/conference-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { staffRelation } from '../../access/staff.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConferenceList } from './conference-document.ts';
import { CONFERENCE_READ } from './conferences.access.ts';

/** A child's conferences, for the adults who see the child (unit or case); the read is audited. */
export const findChildConferences = defineUseCase(
  ['read:conference:team', 'read:conference:unit'],
  async (ctx, childId: string): Promise<{ items: TConferenceListItem[] }> => {
    const m = ctx.user.municipalityId;
    const { staff, items } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await staffRelation(q, ctx, childId, CONFERENCE_READ);
      return { staff, items: await selectConferenceList(q, m, sql`k.child_id = ${childId}`) };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: staff.permission,
        relation: staff.relation,
        action: 'read',
        entity: 'conference',
        childId,
        detail: { conferenceIds: items.map((c) => c.id) },
      }),
    );
    return { items };
  },
);

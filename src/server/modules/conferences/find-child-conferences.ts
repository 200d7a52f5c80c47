import type { TConferenceListItem } from '../../../shared/schemas/conference-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { staffRelation } from '../../access/staff.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConferenceList } from './conference-document.ts';
import { CONFERENCE_READ } from './conferences.access.ts';

/** A child's conferences, for the adults who see the child (a unit: the preventive ones); the read is audited. */
export const findChildConferences = defineUseCase(
  ['read:conference:team', 'read:conference:unit'],
  async (ctx, childId: string): Promise<{ items: TConferenceListItem[] }> => {
    const m = ctx.user.municipalityId;
    const { staff, items } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await staffRelation(q, ctx, childId, CONFERENCE_READ);
      // The units see the preventive conferences; those in a case are the case's (conferences.access.ts).
      const where =
        staff.permission === CONFERENCE_READ.unit
          ? sql`k.child_id = ${childId} AND k.case_id IS NULL`
          : sql`k.child_id = ${childId}`;
      return { staff, items: await selectConferenceList(q, m, where) };
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

import type { TSharingDecision } from '../../../domain/sharing/sharing-rule.ts';
import type { TChildMeeting } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { accessibleChildren } from '../children/children.access.ts';
import { decideItems, ITEM_COLUMNS, sharingPurpose, userUnitIds } from './meetings.access.ts';

/**
 * The meetings that concerned the child, for its profile: only items the user may see through the sharing
 * rule as a participant. Someone with neither a relation to the child nor such an item gets 404.
 */
export const getChildMeetings = defineUseCase(
  'read:meeting:own',
  async (ctx, childId: string): Promise<TChildMeeting[]> => {
    const m = ctx.user.municipalityId;
    const shown = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        `SELECT ${ITEM_COLUMNS}, i.decisions, mt.title, p.profession, current_date::text AS today, i.helped,
              (SELECT count(*)::int FROM meeting_actions a WHERE a.municipality_id = i.municipality_id AND a.item_id = i.id
                  AND a.status IN ('open', 'inProgress')) AS open_actions
         FROM meeting_items i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
         JOIN meeting_participants p ON p.municipality_id = i.municipality_id AND p.meeting_id = i.meeting_id AND p.user_id = $3
        WHERE i.municipality_id = $1 AND i.child_id = $2 ORDER BY mt.meeting_on DESC`,
        [m, childId, ctx.user.userId],
      );
      // One sharing decision per profession the user took part as (not one query per meeting).
      const units = userUnitIds(ctx);
      const byProfession = new Map<string, typeof rows>();
      for (const r of rows) byProfession.set(r.profession, [...(byProfession.get(r.profession) ?? []), r]);
      const decisions = new Map<string, TSharingDecision>();
      for (const [profession, items] of byProfession)
        for (const [id, d] of await decideItems(q, m, items, { profession, unitIds: units }, items[0].today))
          decisions.set(id, d);
      const result: { row: (typeof rows)[number]; purpose: string }[] = [];
      for (const r of rows) {
        const d = decisions.get(r.id);
        if (d?.allowed) result.push({ row: r, purpose: sharingPurpose(r.meeting_id, d) });
      }
      if (result.length === 0 && !(await accessibleChildren(q, ctx, [childId])).has(childId))
        throw new AppError('NOT_FOUND');
      return result;
    });
    await Promise.all(
      shown.map(({ row, purpose }) =>
        ctx.audit.record(
          auditEvent(ctx, {
            action: 'read',
            entity: 'meetingItem',
            entityId: row.id,
            childId,
            purpose,
            detail: { basis: row.basis },
          }),
        ),
      ),
    );
    return shown.map(({ row }) => ({
      meetingId: row.meeting_id,
      itemId: row.id,
      title: row.title,
      meetingOn: row.meeting_on,
      basis: row.basis,
      decisions: row.decisions,
      followUpOn: row.follow_up_on,
      helped: row.helped,
      openActions: row.open_actions,
    }));
  },
);

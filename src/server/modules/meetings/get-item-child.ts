import type { TChildThroughMeeting } from '../../../shared/schemas/meetings.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { requireItem, sharingPurpose } from './meetings.access.ts';

/**
 * The named child of an agenda item, as a participant may see it through the meeting: only the kinds of
 * information the basis allows. A participant without a basis gets 403; anyone else 404. Every read is
 * audited with the consent or legal basis it relied on.
 */
export const getItemChild = defineUseCase(
  'read:meeting:own',
  async (ctx, itemId: string): Promise<TChildThroughMeeting> => {
    const m = ctx.user.municipalityId;
    const { summary, purpose } = await ctx.db.tenantRead(m, async (q) => {
      const { item, decision, role } = await requireItem(q, ctx, itemId);
      if (!item.child_id || !decision) throw new AppError('NOT_FOUND');
      if (!decision.allowed) throw new AppError('FORBIDDEN');
      const kinds = new Set(decision.infoKinds);
      const childId = item.child_id;
      const { rows: kids } = await q.query(
        `SELECT c.first_name || ' ' || c.last_name AS name, c.birth_date::text AS birth_date,
              date_part('year', age($3::date, c.birth_date))::int AS age,
              (SELECT coalesce(array_agg(u.name ORDER BY u.name), '{}') FROM enrolments e
                 JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                  AND ${currentEnrolment('e').text}) AS units
         FROM children c WHERE c.municipality_id = $1 AND c.id = $2`,
        [m, childId, role.today],
      );
      const k = kids[0];
      const concerns = kinds.has('concerns')
        ? (
            await q.query(
              `SELECT id, created_at, signs, level, description FROM concerns
              WHERE municipality_id = $1 AND child_id = $2 ORDER BY created_at DESC LIMIT 20`,
              [m, childId],
            )
          ).rows.map((r) => ({
            id: r.id,
            createdAt: new Date(r.created_at).toISOString(),
            signs: r.signs,
            level: r.level,
            description: r.description,
          }))
        : null;
      const wellbeing = kinds.has('wellbeing')
        ? ((
            await q.query(
              `SELECT assessed_on::text AS "assessedOn", position FROM assessments
              WHERE municipality_id = $1 AND child_id = $2 AND mode = 'joint' ORDER BY assessed_on DESC LIMIT 1`,
              [m, childId],
            )
          ).rows[0] ?? null)
        : null;
      const earlierMeetings = kinds.has('meetings')
        ? (
            await q.query(
              `SELECT mt.meeting_on::text AS "meetingOn", mt.title, i.decisions FROM meeting_items i
               JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
              WHERE i.municipality_id = $1 AND i.child_id = $2 AND i.id <> $3 AND mt.meeting_on < $4::date
              ORDER BY mt.meeting_on DESC LIMIT 10`,
              [m, childId, itemId, item.meeting_on],
            )
          ).rows
        : null;
      return {
        purpose: sharingPurpose(item.meeting_id, decision),
        summary: {
          child: { id: childId, name: k.name, birthDate: k.birth_date, age: k.age, units: k.units },
          basis: decision.basis,
          consentId: decision.basis === 'consent' ? decision.consentId : null,
          infoKinds: decision.infoKinds,
          concerns,
          wellbeing,
          earlierMeetings,
        } satisfies TChildThroughMeeting,
      };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'read',
        entity: 'child',
        entityId: summary.child.id,
        childId: summary.child.id,
        purpose,
        detail: { itemId, basis: summary.basis, consentId: summary.consentId, infoKinds: summary.infoKinds },
      }),
    );
    return summary;
  },
);

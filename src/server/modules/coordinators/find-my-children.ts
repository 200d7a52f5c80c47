import type { TCoordinatedChild } from '../../../shared/schemas/coordinator-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { defineUseCase } from '../../http/use-case.ts';

/**
 * The coordinator's overview: the children the user is named coordinator for (while they are enrolled),
 * with the latest joint position, recent concerns and unread alerts. Each child listed gets an audited read.
 */
export const findMyChildren = defineUseCase(
  'read:child:unit',
  async (ctx): Promise<{ items: TCoordinatedChild[] }> => {
    const m = ctx.user.municipalityId;
    const items = await ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.birth_date AS "birthDate",
              (SELECT u.name FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND ${currentEnrolment('e').text} ORDER BY e.from_date LIMIT 1) AS "unitName",
              la.position AS "latestPosition", la.assessed_on AS "latestAssessedOn",
              (SELECT count(*)::int FROM concerns k WHERE k.municipality_id = c.municipality_id AND k.child_id = c.id
                  AND k.created_at > now() - interval '60 days') AS "concernsLast60Days",
              (SELECT count(*)::int FROM alerts al WHERE al.municipality_id = c.municipality_id AND al.child_id = c.id
                  AND al.user_id = cc.user_id AND al.read_at IS NULL) AS "unreadAlerts",
              cc.parents_informed_on AS "parentsInformedOn"
         FROM child_coordinators cc
         JOIN children c ON c.municipality_id = cc.municipality_id AND c.id = cc.child_id
         LEFT JOIN LATERAL (SELECT a.position, a.assessed_on FROM assessments a
                    WHERE a.municipality_id = c.municipality_id AND a.child_id = c.id AND a.mode = 'joint'
                    ORDER BY a.assessed_on DESC, a.created_at DESC LIMIT 1) la ON true
        WHERE cc.municipality_id = $1 AND cc.user_id = $2
          AND EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                  AND ${currentEnrolment('e').text})
        ORDER BY c.last_name, c.first_name`,
        [m, ctx.user.userId],
      );
      return rows as TCoordinatedChild[];
    });
    await Promise.all(
      items.map((child) =>
        ctx.audit.record(
          auditEvent(ctx, {
            action: 'read',
            entity: 'child',
            entityId: child.id,
            childId: child.id,
            purpose: `coordinator:${child.id}`,
            detail: { view: 'coordinatorOverview' },
          }),
        ),
      ),
    );
    return { items };
  },
);

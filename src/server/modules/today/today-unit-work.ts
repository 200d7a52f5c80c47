import type { TTodayItem } from '../../../shared/schemas/today.ts';
import { enrolledOn } from '../../access/enrolment.ts';
import { sql } from '../../db/sql.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectFollowUp } from '../assessments/follow-up-list.ts';

/**
 * A professional's or unit leader's day in their units: the yellow and red children of the follow-up list
 * (the unit leader's list, decision of issue 12 item 5), and the children still waiting for the user's own
 * assessment in a round open today. Counts only.
 */
export const todayUnitWork = defineUseCase(
  'read:child:unit',
  async (ctx, today: string): Promise<TTodayItem[]> => {
    const m = ctx.user.municipalityId;
    const units = unitsWith(ctx, 'read:child:unit');
    const assessing = unitsWith(ctx, 'write:assessment:unit');
    return ctx.db.tenantRead(m, async (q) => {
      const followUp = (await Promise.all(units.map((u) => selectFollowUp(q, m, u, today)))).flat();
      const children = new Set(followUp.map((f) => f.childId));
      const { rows: due } = await q.query(
        sql`SELECT r.id AS round_id, e.unit_id, count(DISTINCT e.child_id)::int AS children
              FROM assessment_rounds r
              JOIN round_units ru ON ru.municipality_id = r.municipality_id AND ru.round_id = r.id
                                 AND ru.unit_id = ANY(${assessing}::uuid[])
              JOIN enrolments e ON e.municipality_id = ru.municipality_id AND e.unit_id = ru.unit_id
                               AND ${enrolledOn('e', today)}
             WHERE r.municipality_id = ${m} AND r.opens_on <= ${today}::date AND r.closes_on >= ${today}::date
               AND NOT EXISTS (SELECT 1 FROM assessments a
                                WHERE a.municipality_id = r.municipality_id AND a.round_id = r.id
                                  AND a.child_id = e.child_id AND a.mode = 'own' AND a.author_id = ${ctx.user.userId})
             GROUP BY r.id, e.unit_id`,
      );
      const dueCount = due.reduce((sum, r) => sum + (r.children as number), 0);
      const only = due.length === 1 ? due[0] : null;
      const leader = ctx.user.permissions.has('read:measurement:unit');
      const items: TTodayItem[] = [];
      if (children.size > 0)
        items.push({
          key: 'followUpChildren',
          count: children.size,
          to: leader && units.length === 1 ? `/enheder/${units[0]}/trivsel` : '/boern',
          urgent: followUp.some((f) => f.position === 'red'),
        });
      if (dueCount > 0)
        items.push({
          key: 'assessmentsDue',
          count: dueCount,
          ...(only && ctx.user.permissions.has('read:round:unit')
            ? { to: `/runder/${only.round_id}/enheder/${only.unit_id}`, search: { show: 'missingMine' } }
            : { to: '/runder' }),
          urgent: false,
        });
      return items;
    });
  },
);

import type { TDeadline } from '../../../domain/cases/case-deadlines.ts';
import type { TTodayItem } from '../../../shared/schemas/today.ts';
import { caseScope } from '../../access/case.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from '../cases/case-deadline-config.ts';
import { casesWithDeadlines } from '../cases/case-facts.ts';
import { addDays, SOON_DAYS } from './today-own-work.ts';

/**
 * The cases the user reaches (a caseworker's own and granted, a manager's teams'): those past a statutory
 * deadline, the deadlines falling due this week, and open cases with no child conversation recorded or —
 * after a § 32 measure — no § 91 plan yet. Counts only; the deadline page names the cases.
 */
export const todayCasework = defineUseCase(
  'read:case:team',
  async (ctx, today: string): Promise<TTodayItem[]> => {
    const m = ctx.user.municipalityId;
    const scope = caseScope(ctx, ctx.permission);
    return ctx.db.tenantRead(m, async (q) => {
      const cases = (
        await casesWithDeadlines(q, m, scope, await caseDeadlineConfig(q, m), { status: 'open' })
      ).filter((c) => c.status === 'open');
      const until = addDays(today, SOON_DAYS);
      const deadlines = (d: (typeof cases)[number]['deadlines']): TDeadline[] => [
        d.childAssessment,
        ...(d.plan ? [d.plan] : []),
        ...d.followUps,
      ];
      const dueSoon = cases
        .flatMap((c) => deadlines(c.deadlines))
        .filter((d) => d.state === 'open' && d.due < until);
      const { rows } = await q.query(
        sql`SELECT count(*)::int AS n FROM cases k
           WHERE k.municipality_id = ${m} AND k.id = ANY(${cases.map((c) => c.id)}::uuid[])
             AND NOT EXISTS (SELECT 1 FROM child_conversations cc
                              WHERE cc.municipality_id = k.municipality_id AND cc.case_id = k.id)`,
      );
      const items: TTodayItem[] = [];
      const overdue = cases.filter((c) => c.deadlines.overall === 'overdue').length;
      if (overdue > 0)
        items.push({
          key: 'casesOverdue',
          count: overdue,
          to: '/sager',
          search: { overdue: 'true' },
          urgent: true,
        });
      if (dueSoon.length > 0)
        items.push({ key: 'deadlinesThisWeek', count: dueSoon.length, to: '/frister', urgent: false });
      if (rows[0].n > 0)
        items.push({
          key: 'casesWithoutConversation',
          count: rows[0].n,
          to: '/sager',
          search: { status: 'open' },
          urgent: false,
        });
      const withoutPlan = cases.filter((c) => c.deadlines.plan && !c.deadlines.plan.doneOn).length;
      if (withoutPlan > 0)
        items.push({
          key: 'casesWithoutPlan',
          count: withoutPlan,
          to: '/sager',
          search: { status: 'open' },
          urgent: false,
        });
      return items;
    });
  },
);

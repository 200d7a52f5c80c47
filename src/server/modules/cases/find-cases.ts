import type { TCaseSummary, TFindCasesQuery } from '../../../shared/schemas/cases.ts';
import type { TPage } from '../../../shared/schemas/common.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { caseScope } from '../../access/case.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { casesWithDeadlines, nextDue } from './case-facts.ts';

/** The cases the user may see, soonest deadline first, optionally only the overdue ones; an audited list read. */
export const findCases = defineUseCase(
  'read:case:team',
  async (ctx, query: TFindCasesQuery): Promise<TPage<TCaseSummary>> => {
    const m = ctx.user.municipalityId;
    const scope = caseScope(ctx, ctx.permission);
    const all = await ctx.db.tenantRead(m, async (q) =>
      casesWithDeadlines(q, m, scope, await caseDeadlineConfig(q, m), query),
    );
    const items = all
      .filter((c) => query.overdue !== 'true' || c.deadlines.overall === 'overdue')
      .filter((c) => !query.childId || c.childId === query.childId)
      .map(
        (c): TCaseSummary => ({
          id: c.id,
          reference: c.reference,
          status: c.status,
          child: { id: c.childId, firstName: c.firstName, lastName: c.lastName, birthDate: c.birthDate },
          team: { id: c.teamId, name: c.teamName },
          caseworker: { id: c.caseworkerId, name: c.caseworkerName },
          awareOn: c.awareOn,
          assessmentDueOn: c.assessmentDueOn,
          overall: c.deadlines.overall,
          nextDue: nextDue(c.deadlines),
        }),
      )
      .sort(
        (a, b) =>
          (a.nextDue ?? '9999').localeCompare(b.nextDue ?? '9999') || a.reference.localeCompare(b.reference),
      );
    const page = items.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
    if (page.length > 0)
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'list',
          entity: 'case',
          entityId: null,
          childId: null,
          purpose: 'caseload',
          detail: { childIds: page.map((c) => c.child.id) },
        }),
      );
    return { items: page, total: items.length, page: query.page, pageSize: query.pageSize };
  },
);

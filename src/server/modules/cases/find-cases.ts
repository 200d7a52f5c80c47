import type { TCaseSummary, TFindCasesQuery } from '../../../shared/schemas/cases.ts';
import type { TPage } from '../../../shared/schemas/common.ts';
import type { TCtx } from '../../http/context.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { casesWithDeadlines, nextDue } from './case-facts.ts';
import { caseScope } from './cases.access.ts';

/** The cases the user may see, soonest deadline first, optionally only the overdue ones; an audited list read. */
export async function findCases(ctx: TCtx, query: TFindCasesQuery): Promise<TPage<TCaseSummary>> {
  requirePermission(ctx, 'read:case:team');
  const m = ctx.user.municipalityId;
  const scope = caseScope(ctx, 'read:case:team');
  const all = await ctx.db.tenantRead(m, async (q) =>
    casesWithDeadlines(q, m, scope, await caseDeadlineConfig(q, m), query),
  );
  const items = all
    .filter((c) => query.overdue !== 'true' || c.deadlines.overall === 'overdue')
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
    await ctx.audit.record({
      municipalityId: m,
      userId: ctx.user.userId,
      role: roleFor(ctx, 'read:case:team'),
      action: 'list',
      entity: 'case',
      entityId: null,
      childId: null,
      purpose: 'caseload',
      ip: ctx.ip,
      detail: { childIds: page.map((c) => c.child.id) },
    });
  return { items: page, total: items.length, page: query.page, pageSize: query.pageSize };
}

import type { TDeadlineState } from '../../../domain/deadlines/index.ts';
import type { TCaseDeadlineRow, TCaseDeadlines, TComplianceCell } from '../../../shared/schemas/cases.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { caseScope } from '../../access/case.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { casesWithDeadlines, type TCaseWithDeadlines } from './case-facts.ts';

function cell(states: TDeadlineState[]): TComplianceCell {
  // A deadline counts once it has been met or has passed; an open one is not yet a verdict.
  const due = states.filter((s) => s !== 'open');
  const onTime = due.filter((s) => s === 'metOnTime').length;
  return { total: due.length, onTime, share: due.length === 0 ? null : onTime / due.length };
}

function row(key: string, name: string, cases: TCaseWithDeadlines[]): TCaseDeadlineRow {
  const open = cases.filter((c) => c.status === 'open');
  return {
    key,
    name,
    openCases: open.length,
    overdue: open.filter((c) => c.deadlines.overall === 'overdue').length,
    childAssessment: cell(cases.map((c) => c.deadlines.childAssessment.state)),
    plan: cell(cases.flatMap((c) => (c.deadlines.plan ? [c.deadlines.plan.state] : []))),
    followUp: cell(cases.flatMap((c) => c.deadlines.followUps.map((f) => f.state))),
  };
}

/**
 * The deadline view: per team and per caseworker, open cases, how many are overdue now, and the share of
 * § 20 assessments, plans and follow-ups met on time — plus the overdue cases themselves, soonest first.
 */
export const getCaseDeadlines = defineUseCase(
  'read:case:team',
  async (ctx, query: { teamId?: string }): Promise<TCaseDeadlines> => {
    const m = ctx.user.municipalityId;
    const scope = caseScope(ctx, ctx.permission);
    const cases = await ctx.db.tenantRead(m, async (q) =>
      casesWithDeadlines(q, m, scope, await caseDeadlineConfig(q, m), { teamId: query.teamId }),
    );
    const group = (key: (c: TCaseWithDeadlines) => string) => {
      const map = new Map<string, TCaseWithDeadlines[]>();
      for (const c of cases) map.set(key(c), [...(map.get(key(c)) ?? []), c]);
      return map;
    };
    const teams = [...group((c) => c.teamId)].map(([id, list]) => row(id, list[0]?.teamName ?? '', list));
    const caseworkers = [...group((c) => `${c.teamId}:${c.caseworkerId}`)].map(([key, list]) => ({
      ...row(key.split(':')[1] ?? key, list[0]?.caseworkerName ?? '', list),
      teamName: list[0]?.teamName ?? '',
    }));
    const overdue = cases
      .filter((c) => c.status === 'open' && c.deadlines.overall === 'overdue')
      .map((c) => ({
        id: c.id,
        reference: c.reference,
        childName: `${c.firstName} ${c.lastName}`,
        caseworkerName: c.caseworkerName,
        teamName: c.teamName,
        nextDue:
          [
            c.deadlines.childAssessment,
            ...(c.deadlines.plan ? [c.deadlines.plan] : []),
            ...c.deadlines.followUps,
          ]
            .filter((d) => d.state === 'overdue')
            .map((d) => d.due)
            .sort()[0] ?? null,
        what: [
          ...(c.deadlines.childAssessment.state === 'overdue' ? ['childAssessment'] : []),
          ...(c.deadlines.plan?.state === 'overdue' ? ['plan'] : []),
          ...(c.deadlines.followUps.some((f) => f.state === 'overdue') ? ['followUp'] : []),
        ],
      }))
      .sort((a, b) => (a.nextDue ?? '').localeCompare(b.nextDue ?? ''));
    if (overdue.length > 0)
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'list',
          entity: 'case',
          entityId: null,
          childId: null,
          purpose: 'deadlines',
          detail: { caseIds: overdue.map((o) => o.id) },
        }),
      );
    teams.sort((a, b) => a.name.localeCompare(b.name));
    caseworkers.sort((a, b) => a.teamName.localeCompare(b.teamName) || a.name.localeCompare(b.name));
    return { teams, caseworkers, overdue };
  },
);

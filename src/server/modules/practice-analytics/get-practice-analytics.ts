import { practiceCells, type TPeriodKind, wholePeriods } from '../../../domain/practice/practice-figures.ts';
import type { TPracticeAnalytics } from '../../../shared/schemas/practice-views.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { loadPracticeFacts } from './load-practice-facts.ts';

export interface TPracticeQuery {
  from?: string;
  to?: string;
  groupBy: 'unit' | 'profession';
  period: TPeriodKind;
}

/**
 * Practice figures for leaders: a unit leader sees the units they lead, a municipality-wide reader the whole
 * municipality. Aggregates only, small cells hidden; no child is named, so nothing is a read of a child.
 */
export const getPracticeAnalytics = defineUseCase(
  ['read:practice:municipality', 'read:practice:unit'],
  async (ctx, query: TPracticeQuery): Promise<TPracticeAnalytics> => {
    const wide = ctx.user.permissions.has('read:practice:municipality');
    const unitIds = wide ? null : unitsWith(ctx, 'read:practice:unit');
    if (unitIds && unitIds.length === 0) throw new AppError('FORBIDDEN');
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => {
      const { rows } = await q.query(
        "SELECT (current_date - interval '1 year')::date::text AS from, current_date::text AS to",
      );
      const asked = { from: query.from ?? rows[0].from, to: query.to ?? rows[0].to };
      if (asked.to < asked.from) throw fieldError('to', 'field.closesBeforeOpens');
      const { from, to } = wholePeriods(asked.from, asked.to, query.period);
      const facts = await loadPracticeFacts(q, {
        municipalityId: m,
        from,
        to,
        unitIds,
        groupBy: query.groupBy,
        period: query.period,
      });
      return {
        from,
        to,
        groupBy: query.groupBy,
        period: query.period,
        scope: wide ? 'municipality' : 'units',
        cells: practiceCells(facts.episodes, facts.actions, facts.followUps),
      };
    });
  },
);

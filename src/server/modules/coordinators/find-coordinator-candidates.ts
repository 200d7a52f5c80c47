import type { TCandidate } from '../../../shared/schemas/coordinator-views.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { CANDIDATES_SQL, leadingUnitForChild } from './coordinators.access.ts';

/** The staff a leader may name as the child's coordinator. */
export const findCoordinatorCandidates = defineUseCase(
  'manage:coordinator:unit',
  async (ctx, childId: string): Promise<{ items: TCandidate[] }> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, async (q) => {
      if (!(await leadingUnitForChild(q, ctx, childId))) throw new AppError('NOT_FOUND');
      const { rows } = await q.query(`${CANDIDATES_SQL} ORDER BY u.name, "unitName"`, [m, childId]);
      const seen = new Set<string>();
      return { items: rows.filter((r) => !seen.has(r.id) && seen.add(r.id)) as TCandidate[] };
    });
  },
);

import type { TComplianceQuery, TComplianceReport } from '../../../shared/schemas/compliance.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { computeCompliance } from './compute-compliance.ts';

/** Process compliance per team and municipality for a period (aggregates only, so not a child read). */
export const getCompliance = defineUseCase(
  'read:compliance:municipality',
  async (ctx, query: TComplianceQuery): Promise<TComplianceReport> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenantRead(m, (q) =>
      computeCompliance(q, m, { from: query.from, to: query.to }, ctx.user.municipalityName),
    );
  },
);

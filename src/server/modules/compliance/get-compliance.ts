import type { TComplianceQuery, TComplianceReport } from '../../../shared/schemas/compliance.ts';
import type { TCtx } from '../../http/context.ts';
import { requirePermission } from '../../http/permissions.ts';
import { computeCompliance } from './compute-compliance.ts';

/** Process compliance per team and municipality for a period (aggregates only, so not a child read). */
export async function getCompliance(ctx: TCtx, query: TComplianceQuery): Promise<TComplianceReport> {
  requirePermission(ctx, 'read:compliance:municipality');
  const m = ctx.user.municipalityId;
  return ctx.db.tenantRead(m, (q) =>
    computeCompliance(q, m, { from: query.from, to: query.to }, ctx.user.municipalityName),
  );
}

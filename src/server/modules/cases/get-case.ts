import type { TCase } from '../../../shared/schemas/cases.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { selectCase } from './case-document.ts';
import { accessibleCase, managesTeam } from './cases.access.ts';

/** One case, if the user has a relation to it (cases.access.ts); the read is audited. */
export async function getCase(ctx: TCtx, caseId: string): Promise<TCase> {
  requirePermission(ctx, 'read:case:team');
  const m = ctx.user.municipalityId;
  const found = await ctx.db.tenantRead(m, async (q) => {
    const row = await accessibleCase(q, ctx, caseId, 'read:case:team');
    const config = await caseDeadlineConfig(q, m);
    const canManage = ctx.user.permissions.has('manage:case:team') && managesTeam(ctx, row.team_id);
    return { row, doc: await selectCase(q, m, caseId, ctx.locale, config, canManage) };
  });
  if (!found.doc) throw new AppError('NOT_FOUND');
  await ctx.audit.record({
    municipalityId: m,
    userId: ctx.user.userId,
    role: roleFor(ctx, 'read:case:team'),
    action: 'read',
    entity: 'case',
    entityId: caseId,
    childId: found.row.child_id,
    purpose: found.row.purpose,
    ip: ctx.ip,
    detail: null,
  });
  return found.doc;
}

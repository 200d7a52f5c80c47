import type { TCase } from '../../../shared/schemas/cases.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { selectCase } from './case-document.ts';
import { accessibleCase, managesTeam, type TCaseRow } from './cases.access.ts';

/**
 * The frame of every write to a case: permission, one tenant transaction, the case locked through the
 * user's relation (404 without one, 409 when closed), then the case as it now stands.
 */
export async function writeCase(
  ctx: TCtx,
  caseId: string,
  fn: (q: Queryable, c: TCaseRow) => Promise<void>,
  options: { permission?: 'write:case:team' | 'manage:case:team'; allowClosed?: boolean } = {},
): Promise<TCase> {
  const permission = options.permission ?? 'write:case:team';
  requirePermission(ctx, permission);
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    const c = await accessibleCase(q, ctx, caseId, 'write:case:team', {
      forUpdate: true,
      openOnly: !options.allowClosed,
    });
    if (permission === 'manage:case:team' && !managesTeam(ctx, c.team_id)) throw new AppError('FORBIDDEN');
    await fn(q, c);
    const canManage = ctx.user.permissions.has('manage:case:team') && managesTeam(ctx, c.team_id);
    return (await selectCase(q, m, caseId, ctx.locale, await caseDeadlineConfig(q, m), canManage)) as TCase;
  });
}

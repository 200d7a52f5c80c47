import type { TCase } from '../../../shared/schemas/cases.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';
import { selectCase } from './case-document.ts';
import { accessibleCase, managesTeam, type TCaseRow } from './cases.access.ts';

/**
 * The frame of every write to a case, inside a use-case declared with `write:case:team` or
 * `manage:case:team`: one tenant transaction, the case locked through the user's relation (404 without
 * one, 409 when closed) — and, to manage it, a team the user manages (403 otherwise) — then the case as
 * it now stands.
 */
export async function writeCase(
  ctx: TActingCtx,
  caseId: string,
  fn: (q: Queryable, c: TCaseRow) => Promise<void>,
  options: { allowClosed?: boolean } = {},
): Promise<TCase> {
  const m = ctx.user.municipalityId;
  return ctx.db.tenant(m, async (q) => {
    const c = await accessibleCase(q, ctx, caseId, 'write:case:team', {
      forUpdate: true,
      openOnly: !options.allowClosed,
    });
    if (ctx.permission === 'manage:case:team' && !managesTeam(ctx, c.team_id))
      throw new AppError('FORBIDDEN');
    await fn(q, c);
    return (await selectCase(
      q,
      m,
      caseId,
      ctx.locale,
      await caseDeadlineConfig(q, m),
      managesTeam(ctx, c.team_id),
    )) as TCase;
  });
}

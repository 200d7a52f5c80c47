import type { TSetLocaleRequest } from '../../../shared/schemas/auth.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { getUser } from '../users/find-users.ts';
import { auditUserChange } from '../users/user-audit.ts';
import { forgetUserSessions } from './sessions.ts';

/**
 * Saves the signed-in user's language: any user may, for themselves only. A change of a user like any
 * other, so it is audited with the user before and after (user-audit.ts), in the change's transaction.
 */
export async function setLocale(ctx: TCtx, input: TSetLocaleRequest): Promise<void> {
  const m = ctx.user.municipalityId;
  await ctx.db.tenant(m, async (q) => {
    // Locked first, so a change made meanwhile cannot slip between the user read as before and the update.
    await q.query('SELECT 1 FROM users WHERE municipality_id = $1 AND id = $2 FOR UPDATE', [
      m,
      ctx.user.userId,
    ]);
    const before = await getUser(q, m, ctx.user.userId);
    if (!before) throw new AppError('NOT_FOUND');
    await q.query('UPDATE users SET locale = $3 WHERE municipality_id = $1 AND id = $2', [
      m,
      ctx.user.userId,
      input.locale,
    ]);
    const after = await getUser(q, m, ctx.user.userId);
    if (!after) throw new AppError('NOT_FOUND');
    await auditUserChange(ctx, q, { action: 'update', before, after, own: true });
  });
  // The next request answers in the new language.
  forgetUserSessions(ctx.user.userId);
}

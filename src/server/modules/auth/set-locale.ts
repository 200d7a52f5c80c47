import type { TSetLocaleRequest } from '../../../shared/schemas/auth.ts';
import type { TCtx } from '../../http/context.ts';
import { forgetUserSessions } from './sessions.ts';

export async function setLocale(ctx: TCtx, input: TSetLocaleRequest): Promise<void> {
  await ctx.db.tenant(ctx.user.municipalityId, (q) =>
    q.query('UPDATE users SET locale = $3 WHERE municipality_id = $1 AND id = $2', [
      ctx.user.municipalityId,
      ctx.user.userId,
      input.locale,
    ]),
  );
  // The next request answers in the new language.
  forgetUserSessions(ctx.user.userId);
}

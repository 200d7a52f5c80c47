import type { TCreateUserRequest } from '../../../shared/schemas/users.ts';
import type { TCtx } from '../../http/context.ts';
import { fieldError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';
import { hashPassword } from '../auth/password.ts';
import { assignRoles } from './assign-roles.ts';
import { getUser } from './find-users.ts';

export async function createUser(ctx: TCtx, input: TCreateUserRequest) {
  requirePermission(ctx, 'manage:user:municipality');
  const m = ctx.user.municipalityId;
  const passwordHash = await hashPassword(input.password);
  return ctx.db.tenant(m, async (q) => {
    // E-mail addresses are unique across all municipalities, which this tenant cannot see: ask the index.
    const { rows } = await q.query(
      `INSERT INTO users (municipality_id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [m, input.email, input.name, passwordHash, input.locale],
    );
    const id = rows[0]?.id as string | undefined;
    if (!id) throw fieldError('email', 'field.emailTaken');
    await assignRoles(q, m, id, input.roles);
    return getUser(q, m, id);
  });
}

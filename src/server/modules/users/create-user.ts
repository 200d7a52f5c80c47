import type { TUser } from '../../../shared/schemas/user-views.ts';
import type { TCreateUserRequest } from '../../../shared/schemas/users.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { requirePermission } from '../../http/permissions.ts';
import { hashPassword } from '../auth/password.ts';
import { applyRoles, checkRoles } from './apply-roles.ts';
import { getUser } from './find-users.ts';
import { auditUserChange } from './user-audit.ts';

/** A role that reaches children starts as a pending grant (apply-roles.ts): a new login is no way around it. */
export async function createUser(ctx: TCtx, input: TCreateUserRequest): Promise<TUser> {
  requirePermission(ctx, 'manage:user:municipality');
  const m = ctx.user.municipalityId;
  const passwordHash = await hashPassword(input.password);
  return ctx.db.tenant(m, async (q) => {
    await checkRoles(q, m, input.roles);
    // E-mail addresses are unique across all municipalities, which this tenant cannot see: ask the index.
    const { rows } = await q.query(
      `INSERT INTO users (municipality_id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ((lower(email))) DO NOTHING RETURNING id`,
      [m, input.email, input.name, passwordHash, input.locale],
    );
    const id = rows[0]?.id as string | undefined;
    if (!id) throw fieldError('email', 'field.emailTaken');
    await applyRoles(ctx, q, id, input.roles);
    const after = await getUser(q, m, id);
    if (!after) throw new AppError('INTERNAL');
    await auditUserChange(ctx, q, { action: 'create', before: null, after });
    return after;
  });
}

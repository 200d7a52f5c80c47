import { createHash } from 'node:crypto';
import type { TLoginRequest } from '../../../shared/schemas/auth.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

// Verified against when the e-mail is unknown, so the answer takes as long as for a known one.
const dummyHash = hashPassword('not-a-real-password-but-the-same-work');

/** The key failed logins are counted under: the address, lower-cased and hashed. */
export function loginKey(email: string): Buffer {
  return createHash('sha256').update(email.toLowerCase()).digest();
}

const locked = () => new AppError('LOGIN_LOCKED', { params: { minutes: LOCKOUT_MINUTES } });

/**
 * Password login with a temporary lockout after repeated failures. Unknown addresses are answered, timed
 * and locked exactly like known ones (decision 006).
 */
export async function login(
  db: Db,
  input: TLoginRequest,
  meta: { ip: string; userAgent?: string; refuseDemoUsers?: boolean },
): Promise<{ token: string; csrfToken: string; userId: string; municipalityId: string }> {
  const key = loginKey(input.email);
  const { rows } = await db.pool.query(
    `SELECT coalesce((SELECT locked_until > now() FROM login_failures WHERE email_key = $2), false) AS locked,
            u.municipality_id, u.id, u.password_hash, u.active, u.is_demo
       FROM (SELECT 1) one LEFT JOIN users u ON lower(u.email) = lower($1)`,
    [input.email, key],
  );
  const found = rows[0];
  if (found.locked) throw locked();
  const user = found.id ? found : null;
  // Demo accounts exist only outside production; should one slip into a production database it stays shut.
  const allowed = user?.active && !(user.is_demo && meta.refuseDemoUsers);
  const ok = (await verifyPassword(user?.password_hash ?? (await dummyHash), input.password)) && allowed;
  if (!ok) {
    const { rows: after } = await db.pool.query(
      // After an expired lockout the count starts afresh.
      `INSERT INTO login_failures AS f (email_key, failed, locked_until)
       VALUES ($1, 1, CASE WHEN 1 >= $2 THEN now() + make_interval(mins => $3) END)
       ON CONFLICT (email_key) DO UPDATE
          SET failed = CASE WHEN f.locked_until <= now() THEN 1 ELSE f.failed + 1 END,
              locked_until = CASE WHEN (CASE WHEN f.locked_until <= now() THEN 1 ELSE f.failed + 1 END) >= $2
                                  THEN now() + make_interval(mins => $3) END,
              updated_at = now()
       RETURNING failed`,
      [key, MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
    );
    if ((after[0]?.failed ?? 0) >= MAX_FAILED_LOGINS) throw locked();
    throw new AppError('INVALID_CREDENTIALS');
  }
  return db.system(async (q) => {
    await q.query('DELETE FROM login_failures WHERE email_key = $1', [key]);
    const session = await createSession(q, { municipalityId: user.municipality_id, userId: user.id }, meta);
    return { ...session, userId: user.id, municipalityId: user.municipality_id };
  });
}

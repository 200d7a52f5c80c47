import type { TLoginRequest } from '../../../shared/schemas/auth.ts';
import type { Db } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { createSession } from './sessions.ts';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

// Verified against when the e-mail is unknown, so the answer takes as long as for a known one.
const dummyHash = hashPassword('not-a-real-password-but-the-same-work');

/** Password login with temporary lockout after repeated failures. Answers 401 alike for unknown e-mail and wrong password. */
export async function login(
  db: Db,
  input: TLoginRequest,
  meta: { ip: string; userAgent?: string; refuseDemoUsers?: boolean },
): Promise<{ token: string; csrfToken: string; userId: string; municipalityId: string }> {
  const { rows } = await db.pool.query(
    `SELECT municipality_id, id, password_hash, active, is_demo, locked_until > now() AS locked
       FROM users WHERE lower(email) = lower($1)`,
    [input.email],
  );
  const user = rows[0];
  if (!user) {
    await verifyPassword(await dummyHash, input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (user.locked) throw new AppError('LOGIN_LOCKED', { params: { minutes: LOCKOUT_MINUTES } });
  // Demo accounts exist only outside production; should one slip into a production database it stays shut.
  const allowed = user.active && !(user.is_demo && meta.refuseDemoUsers);
  const ok = (await verifyPassword(user.password_hash, input.password)) && allowed;
  if (!ok) {
    const { rows: after } = await db.pool.query(
      // After an expired lockout the count starts afresh.
      `WITH n AS (SELECT CASE WHEN locked_until <= now() THEN 1 ELSE failed_logins + 1 END AS failed
                    FROM users WHERE municipality_id = $1 AND id = $2)
       UPDATE users SET failed_logins = n.failed,
              locked_until = CASE WHEN n.failed >= $3 THEN now() + make_interval(mins => $4) ELSE NULL END
         FROM n WHERE municipality_id = $1 AND id = $2 RETURNING failed_logins`,
      [user.municipality_id, user.id, MAX_FAILED_LOGINS, LOCKOUT_MINUTES],
    );
    if ((after[0]?.failed_logins ?? 0) >= MAX_FAILED_LOGINS) {
      throw new AppError('LOGIN_LOCKED', { params: { minutes: LOCKOUT_MINUTES } });
    }
    throw new AppError('INVALID_CREDENTIALS');
  }
  return db.system(async (q) => {
    await q.query(
      'UPDATE users SET failed_logins = 0, locked_until = NULL WHERE municipality_id = $1 AND id = $2',
      [user.municipality_id, user.id],
    );
    const session = await createSession(q, { municipalityId: user.municipality_id, userId: user.id }, meta);
    return { ...session, userId: user.id, municipalityId: user.municipality_id };
  });
}

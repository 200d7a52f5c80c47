import type { Db } from '../db/client.ts';
import { ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES } from '../modules/auth/sessions.ts';

/** Sessions past their idle or absolute timeout can never be used again; removing them keeps the table small. */
export async function purgeExpiredSessions(db: Db): Promise<number> {
  const { rowCount } = await db.pool.query(
    `DELETE FROM sessions
      WHERE expires_at <= now() OR created_at <= now() - make_interval(hours => $1)
         OR last_seen_at <= now() - make_interval(mins => $2)`,
    [ABSOLUTE_TIMEOUT_HOURS, IDLE_TIMEOUT_MINUTES],
  );
  // A failure count older than a day, with no lock running, no longer matters.
  await db.pool.query(
    `DELETE FROM login_failures
      WHERE updated_at <= now() - interval '1 day' AND (locked_until IS NULL OR locked_until <= now())`,
  );
  return rowCount ?? 0;
}

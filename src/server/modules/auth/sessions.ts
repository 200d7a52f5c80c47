import { createHash, randomBytes } from 'node:crypto';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TPermission } from '../../../shared/permissions.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import type { TGrant, TRoleAssignment, TSessionUser } from '../../http/context.ts';

export const SESSION_COOKIE = 'beskyt_session';
export const IDLE_TIMEOUT_MINUTES = 30;
export const ABSOLUTE_TIMEOUT_HOURS = 12;
/** last_seen_at is written at most this often: a write per request would double the cost of every read. */
const TOUCH_AFTER_MS = 60_000;

export function sessionKey(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

export async function createSession(
  q: Queryable,
  user: { municipalityId: string; userId: string },
  meta: { ip: string; userAgent?: string },
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await q.query(
    `INSERT INTO sessions (id, municipality_id, user_id, csrf_token, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7)`,
    [
      sessionKey(token),
      user.municipalityId,
      user.userId,
      csrfToken,
      ABSOLUTE_TIMEOUT_HOURS,
      meta.ip,
      meta.userAgent?.slice(0, 300) ?? null,
    ],
  );
  return { token, csrfToken };
}

interface TAccess {
  municipalityName: string;
  roles: TRoleAssignment[];
  grants: TGrant[];
  permissions: Set<TPermission>;
}

/**
 * A user's roles and grants, cached per process under the user's version. Every change to a user
 * (roles included) bumps users.version, which is read with the session on every request, so a stale
 * entry is never used — on this instance or any other.
 */
const accessCache = new Map<string, TAccess>();
const ACCESS_CACHE_MAX = 10_000;

async function loadAccess(
  q: Queryable,
  municipalityId: string,
  userId: string,
  version: number,
): Promise<TAccess> {
  const cacheKey = `${userId}:${version}`;
  const cached = accessCache.get(cacheKey);
  if (cached) return cached;
  const { rows } = await q.query({
    name: 'load-access',
    text: `SELECT m.name AS municipality_name,
            coalesce((SELECT json_agg(json_build_object('role', ra.role, 'unitId', ra.unit_id, 'unitName', un.name, 'teamId', ra.team_id))
               FROM role_assignments ra
               LEFT JOIN units un ON un.municipality_id = ra.municipality_id AND un.id = ra.unit_id
              WHERE ra.municipality_id = m.id AND ra.user_id = $2), '[]') AS roles,
            coalesce((SELECT json_agg(json_build_object('permission', rp.permission, 'role', ra.role, 'unitId', ra.unit_id))
               FROM role_assignments ra JOIN role_permissions rp ON rp.role = ra.role
              WHERE ra.municipality_id = m.id AND ra.user_id = $2), '[]') AS grants
       FROM municipalities m WHERE m.id = $1`,
    values: [municipalityId, userId],
  });
  const r = rows[0];
  const grants = (r?.grants ?? []) as TGrant[];
  const access: TAccess = {
    municipalityName: r?.municipality_name ?? '',
    roles: (r?.roles ?? []) as TRoleAssignment[],
    grants,
    permissions: new Set<TPermission>(grants.map((g) => g.permission)),
  };
  if (accessCache.size >= ACCESS_CACHE_MAX) accessCache.clear();
  accessCache.set(cacheKey, access);
  return access;
}

/** The idle limit as SQL: a constant of the code, so the statement's text never changes. */
const IDLE_INTERVAL = sql.raw(`interval '${IDLE_TIMEOUT_MINUTES} minutes'`);

/** The session with this key and its user. Expired, idle or deactivated: no row. */
function sessionSql(key: Buffer): Sql {
  return sql`SELECT s.user_id, s.municipality_id, s.csrf_token, s.last_seen_at, u.name, u.email, u.locale, u.version
       FROM sessions s
       JOIN users u ON u.municipality_id = s.municipality_id AND u.id = s.user_id
      WHERE s.id = ${key} AND s.expires_at > now() AND u.active
        AND s.last_seen_at > now() - ${IDLE_INTERVAL}`;
}

export interface TSessionRow {
  user_id: string;
  municipality_id: string;
  csrf_token: string;
  last_seen_at: Date;
  name: string;
  email: string;
  locale: string;
  version: number;
}

const touchedAt = new Map<string, number>();

/**
 * last_seen_at is written at most once a minute per session and process, without the request waiting:
 * a burst of requests on one session sends one UPDATE, and no request holds a connection while asking
 * for another.
 */
function touch(db: Db, key: Buffer, lastSeenAt: Date): void {
  const now = Date.now();
  const id = key.toString('hex');
  if (now - lastSeenAt.getTime() <= TOUCH_AFTER_MS || now - (touchedAt.get(id) ?? 0) <= TOUCH_AFTER_MS)
    return;
  if (touchedAt.size > 100_000) touchedAt.clear();
  touchedAt.set(id, now);
  db.pool
    .query('UPDATE sessions SET last_seen_at = now() WHERE id = $1', [key])
    .catch(() => touchedAt.delete(id));
}

/**
 * Builds the signed-in user from a session row, with roles and grants from the per-version cache (read on
 * `q` on a miss: the pool, or the request's own transaction).
 */
export async function sessionUser(db: Db, q: Queryable, key: Buffer, r: TSessionRow): Promise<TSessionUser> {
  const access = await loadAccess(q, r.municipality_id, r.user_id, r.version);
  touch(db, key, r.last_seen_at);
  return {
    sessionKey: key,
    userId: r.user_id,
    municipalityId: r.municipality_id,
    name: r.name,
    email: r.email,
    locale: r.locale as TLocale,
    csrfToken: r.csrf_token,
    lastSeenAt: r.last_seen_at,
    ...access,
  };
}

/**
 * Sessions this process validated in the last second, by session key. A hot page or a burst of requests
 * then costs no session query each; logout, deactivation and role changes on this instance evict at once,
 * another instance sees them within SESSION_CACHE_MS (decision 010).
 */
export const SESSION_CACHE_MS = 1_000;
const SESSION_CACHE_MAX = 50_000;
const sessionCache = new Map<string, { row: TSessionRow; until: number }>();

/** Session rows being read now, by session key: requests arriving meanwhile wait for the same query. */
const inFlight = new Map<string, Promise<TSessionRow | null>>();
/** Bumped by every eviction: a read that started before one does not fill the cache. */
let evictions = 0;

async function readSessionRow(db: Db, key: Buffer, id: string): Promise<TSessionRow | null> {
  const startedAt = evictions;
  try {
    // Named statement: planned once per connection.
    const { rows } = await db.pool.query<TSessionRow>({ name: 'load-session', ...sessionSql(key).query() });
    const row = rows[0] ?? null;
    if (!row) sessionCache.delete(id);
    else if (startedAt === evictions) {
      if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
      sessionCache.set(id, { row, until: Date.now() + SESSION_CACHE_MS });
    }
    return row;
  } finally {
    inFlight.delete(id);
  }
}

/**
 * The session and its user (one indexed query), with roles and grants — or null when expired, idle or
 * unknown. When a cached session expires under load, the requests in flight for it share one query
 * instead of all asking at once (which showed as a latency spike every second).
 */
export async function loadSession(db: Db, token: string): Promise<TSessionUser | null> {
  const key = sessionKey(token);
  const id = key.toString('hex');
  const cached = sessionCache.get(id);
  if (cached && cached.until > Date.now()) return sessionUser(db, db.pool, key, cached.row);
  let reading = inFlight.get(id);
  if (!reading) {
    reading = readSessionRow(db, key, id);
    inFlight.set(id, reading);
  }
  const row = await reading;
  return row ? sessionUser(db, db.pool, key, row) : null;
}

/** Drops a user's sessions from this process's cache: their next request reads them afresh. */
export function forgetUserSessions(userId: string): void {
  evictions++;
  for (const [id, entry] of sessionCache) if (entry.row.user_id === userId) sessionCache.delete(id);
}

export async function endSessions(db: Db, userId: string): Promise<void> {
  forgetUserSessions(userId);
  await db.pool.query('DELETE FROM sessions WHERE user_id = $1', [userId]);
}

export async function deleteSession(db: Db, key: Buffer): Promise<void> {
  evictions++;
  sessionCache.delete(key.toString('hex'));
  await db.pool.query('DELETE FROM sessions WHERE id = $1', [key]);
}

import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  outliveSessionCache,
  startTestApp,
  type TSession,
  type TTestApp,
} from '../../../../tests/fixtures/test-app.ts';
import { UNIT_KINDS } from '../../../shared/permissions.ts';
import { loginKey } from './login.ts';
import { sessionKey } from './sessions.ts';

let t: TTestApp;
let admin: TSession;
let professional: TSession;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.login('admin@demo.beskyt.test');
  professional = await t.login('professional@demo.beskyt.test');
});
afterAll(() => t.close());

const STACK_TRACE = /\bat\s.*\.ts:\d+/;

function login(
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers });
}

function me(cookie: string): Promise<LightMyRequestResponse> {
  return t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
}

/** A clean answer to bad input: a 4xx with `{error:{code,message[,fields]}}`, never a 500 or a stack trace. */
function expectCleanError(res: LightMyRequestResponse, status?: number): void {
  expect(res.statusCode, res.body).toBeLessThan(500);
  if (status) expect(res.statusCode, res.body).toBe(status);
  expect(res.body).not.toMatch(STACK_TRACE);
  expect(res.body).not.toMatch(/"stack"/);
  const body = res.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(typeof body.error.code).toBe('string');
  expect(typeof body.error.message).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(0);
  for (const key of Object.keys(body.error)) expect(['code', 'message', 'fields']).toContain(key);
}

/** A user of its own, created by the admin through the API, so lockouts and deactivation touch nobody else. */
async function newUser(roles: { role: string; unitId?: string | null }[] = [{ role: 'analyst' }]) {
  const email = `auth-${randomUUID()}@demo.beskyt.test`;
  const password = `pw-${randomUUID()}`;
  const res = await t.as(admin, 'POST', '/api/v1/users', { name: 'Test Testesen', email, password, roles });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id as string, version: res.json().version as number, email, password };
}

function tokenOf(session: TSession): string {
  return session.cookie.replace('beskyt_session=', '');
}

describe('login', () => {
  it('answers 200 with the user and a CSRF token, and sets an httpOnly SameSite=Strict session cookie', async () => {
    const res = await login('professional@demo.beskyt.test', 'beskyt-demo');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.user.email).toBe('professional@demo.beskyt.test');
    expect(body.user.municipality.name).toBe('Demo Kommune');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'beskyt_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.value.length).toBeGreaterThanOrEqual(40);
    expect(cookie?.maxAge).toBe(12 * 3600);
    expect(res.body).not.toContain(cookie?.value);
    expect(res.body).not.toContain('password');
  });

  it('accepts the e-mail address in any case', async () => {
    expect((await login('Professional@DEMO.beskyt.test', 'beskyt-demo')).statusCode).toBe(200);
  });

  it('refuses a wrong password with 401 INVALID_CREDENTIALS in Danish', async () => {
    const res = await login('reviewer@demo.beskyt.test', 'wrong-password');
    expectCleanError(res, 401);
    expect(res.json().error).toEqual({
      code: 'INVALID_CREDENTIALS',
      message: 'Forkert e-mail eller adgangskode.',
    });
    expect(res.cookies.find((c) => c.name === 'beskyt_session')).toBeUndefined();
  });

  it('answers in English when the beskyt_lang cookie says en', async () => {
    const res = await login('reviewer@demo.beskyt.test', 'wrong-password', { cookie: 'beskyt_lang=en' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password.' });
  });

  it('answers in English when the browser asks for English', async () => {
    const res = await login('reviewer@demo.beskyt.test', 'wrong-password', {
      'accept-language': 'en-GB,en;q=0.9',
    });
    expect(res.json().error.message).toBe('Wrong e-mail or password.');
  });

  it('answers an unknown e-mail exactly like a wrong password', async () => {
    const wrong = await login('reviewer@demo.beskyt.test', 'wrong-password');
    const unknown = await login(`nobody-${randomUUID()}@demo.beskyt.test`, 'wrong-password');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('locks the account after 5 wrong passwords, refuses even the right one, and opens again when the lock ends', async () => {
    const user = await newUser();
    for (let i = 1; i <= 4; i++) {
      const res = await login(user.email, 'wrong-password');
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const fifth = await login(user.email, 'wrong-password');
    expectCleanError(fifth, 429);
    expect(fifth.json().error.code).toBe('LOGIN_LOCKED');
    expect(fifth.json().error.message).toContain('15 minutter');

    const right = await login(user.email, user.password);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('LOGIN_LOCKED');
    expect(right.cookies.find((c) => c.name === 'beskyt_session')).toBeUndefined();

    const { rows } = await t.db.pool.query(
      'SELECT failed, locked_until > now() AS locked FROM login_failures WHERE email_key = $1',
      [loginKey(user.email)],
    );
    expect(rows[0]).toEqual({ failed: 5, locked: true });
    await t.db.pool.query(
      "UPDATE login_failures SET locked_until = now() - interval '1 second' WHERE email_key = $1",
      [loginKey(user.email)],
    );

    // The count starts afresh after the lock: one more wrong password is a plain 401, not a new lock.
    expect((await login(user.email, 'wrong-password')).statusCode).toBe(401);
    const again = await login(user.email, user.password);
    expect(again.statusCode).toBe(200);
    // A successful login clears the count.
    const after = await t.db.pool.query('SELECT 1 FROM login_failures WHERE email_key = $1', [
      loginKey(user.email),
    ]);
    expect(after.rowCount).toBe(0);
  });
});

describe('login lockout without account enumeration', () => {
  it('locks an unknown address exactly like a known one, so 401 and 429 say nothing about accounts', async () => {
    const known = await newUser();
    const unknown = `nobody-${randomUUID()}@demo.beskyt.test`;
    for (const email of [known.email, unknown]) {
      const answers: number[] = [];
      for (let i = 1; i <= 6; i++) answers.push((await login(email, 'wrong-password')).statusCode);
      expect(answers, email).toEqual([401, 401, 401, 401, 429, 429]);
    }
    const res = await login(unknown.toUpperCase(), 'wrong-password');
    expect(res.statusCode).toBe(429);
    expect(res.json().error.code).toBe('LOGIN_LOCKED');
  });
});

describe('sessions', () => {
  it('reads a session once for a burst of requests arriving after its cache entry expired', async () => {
    const session = await t.login('professional@demo.beskyt.test');
    await outliveSessionCache();
    const query = t.db.pool.query.bind(t.db.pool);
    let sessionQueries = 0;
    t.db.pool.query = ((config: unknown, ...rest: unknown[]) => {
      if ((config as { name?: string })?.name === 'load-session') sessionQueries++;
      return (query as (...a: unknown[]) => unknown)(config, ...rest);
    }) as typeof t.db.pool.query;
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, () => me(session.cookie)));
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200));
      expect(sessionQueries).toBe(1);
    } finally {
      t.db.pool.query = query;
    }
  });

  it('ends the session on logout: the old cookie gets 401', async () => {
    const session = await t.login('caseworker@demo.beskyt.test');
    const res = await t.as(session, 'POST', '/api/v1/auth/logout');
    expect(res.statusCode).toBe(204);
    const cleared = res.cookies.find((c) => c.name === 'beskyt_session');
    expect(cleared?.value).toBe('');
    const after = await me(session.cookie);
    expectCleanError(after, 401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
    const { rowCount } = await t.db.pool.query('SELECT 1 FROM sessions WHERE id = $1', [
      sessionKey(tokenOf(session)),
    ]);
    expect(rowCount).toBe(0);
  });

  it('keeps a session that was used 29 minutes ago', async () => {
    const session = await t.login('caseworker@demo.beskyt.test');
    await outliveSessionCache();
    await t.db.pool.query("UPDATE sessions SET last_seen_at = now() - interval '29 minutes' WHERE id = $1", [
      sessionKey(tokenOf(session)),
    ]);
    expect((await me(session.cookie)).statusCode).toBe(200);
    // …and that use counts as activity.
    const { rows } = await t.db.pool.query(
      "SELECT last_seen_at > now() - interval '1 minute' AS fresh FROM sessions WHERE id = $1",
      [sessionKey(tokenOf(session))],
    );
    expect(rows[0].fresh).toBe(true);
  });

  it('ends a session idle for 31 minutes', async () => {
    const session = await t.login('caseworker@demo.beskyt.test');
    await outliveSessionCache();
    await t.db.pool.query("UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE id = $1", [
      sessionKey(tokenOf(session)),
    ]);
    const res = await me(session.cookie);
    expectCleanError(res, 401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a session after its absolute lifetime even when it is in use', async () => {
    const session = await t.login('caseworker@demo.beskyt.test');
    await outliveSessionCache();
    await t.db.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE id = $1", [
      sessionKey(tokenOf(session)),
    ]);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('shuts out a user the admin deactivates, at once, and refuses their next login', async () => {
    const user = await newUser();
    const session = await t.login(user.email, user.password);
    expect((await me(session.cookie)).statusCode).toBe(200);
    const res = await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      active: false,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await me(session.cookie)).statusCode).toBe(401);
    const again = await login(user.email, user.password);
    expect(again.statusCode).toBe(401);
    expect(again.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('does not bring a deactivated user’s old session back when the user is reactivated', async () => {
    const user = await newUser();
    const session = await t.login(user.email, user.password);
    const off = await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      active: false,
    });
    expect(off.statusCode).toBe(200);
    const on = await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: off.json().version,
      active: true,
    });
    expect(on.statusCode).toBe(200);
    // Deactivation ends the user's sessions (update-user.ts promises so); a cookie from before must stay dead.
    expect((await me(session.cookie)).statusCode).toBe(401);
    expect((await login(user.email, user.password)).statusCode).toBe(200);
  });

  it('applies a role the admin removes on the user’s very next request', async () => {
    const leader = await t.login('unitLeader@demo.beskyt.test');
    const unitId = leader.user.roles?.find((r) => r.role === 'unitLeader')?.unitId;
    const user = await newUser([{ role: 'professional', unitId }]);
    // A role that reaches children waits for a second person (issue 13): the unit's leader confirms it.
    const { rows } = await t.db.pool.query('SELECT id FROM role_grants WHERE user_id = $1', [user.id]);
    expect((await t.as(leader, 'POST', `/api/v1/role-grants/${rows[0].id}/confirm`)).statusCode).toBe(200);
    const session = await t.login(user.email, user.password);
    expect((await t.as(session, 'GET', '/api/v1/children')).statusCode).toBe(200);
    const { version } = (await t.db.pool.query('SELECT version FROM users WHERE id = $1', [user.id])).rows[0];
    const res = await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version,
      roles: [{ role: 'analyst' }],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await t.as(session, 'GET', '/api/v1/children')).statusCode).toBe(403);
  });

  it('answers errors in the language the user saved', async () => {
    const user = await newUser();
    const session = await t.login(user.email, user.password);
    expect((await t.as(session, 'PUT', '/api/v1/auth/locale', { locale: 'en' })).statusCode).toBe(204);
    const res = await t.as(session, 'GET', '/api/v1/children');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.message).toBe('You do not have access to this.');
    expect((await me(session.cookie)).json().user.locale).toBe('en');
  });

  it('audits a change of language: who, the user before and after', async () => {
    const user = await newUser();
    const session = await t.login(user.email, user.password);
    expect((await t.as(session, 'PUT', '/api/v1/auth/locale', { locale: 'en' })).statusCode).toBe(204);
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      `SELECT user_id, role, action, entity, entity_id, child_id, purpose, ip, detail FROM audit_events
        WHERE entity = 'user' AND entity_id = $1 AND user_id = $1 ORDER BY seq`,
      [user.id],
    );
    expect(rows).toHaveLength(1);
    const [event] = rows;
    expect(event).toMatchObject({ action: 'update', child_id: null, role: null, purpose: 'ownAccount' });
    expect(event.ip).toBeTruthy();
    expect(event.detail.before).toMatchObject({ id: user.id, locale: 'da' });
    expect(event.detail.after).toMatchObject({ id: user.id, locale: 'en' });
    expect(JSON.stringify(event.detail)).not.toContain('argon2');
  });
});

describe('server basics', () => {
  it('answers GET /healthz with 200 {status:"ok"}', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('publishes an OpenAPI 3 description that includes login', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/children/{id}']),
    );
  });

  it('serves the browsable API docs at /api/docs', async () => {
    let url = '/api/docs';
    let res = await t.app.inject({ method: 'GET', url });
    for (let hops = 0; res.statusCode >= 300 && res.statusCode < 400 && hops < 5; hops++) {
      url = new URL(String(res.headers.location), `http://localhost${url}`).pathname;
      res = await t.app.inject({ method: 'GET', url });
    }
    expect(res.statusCode).toBe(200);
    expect(res.body.toLowerCase()).toContain('swagger');
  });

  it.each([
    ['a successful API answer', () => t.as(professional, 'GET', '/api/v1/auth/me')],
    ['an error answer', () => t.app.inject({ method: 'GET', url: '/api/v1/auth/me' })],
  ])('sends security headers on %s', async (_name, request) => {
    const res = await request();
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options'] !== undefined || csp.includes("frame-ancestors 'none'")).toBe(true);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('bad requests get a clear 4xx, never a 500', () => {
  it('refuses a 300 KB body with 413 BODY_TOO_LARGE', async () => {
    const big = { email: 'x@demo.beskyt.test', password: 'p'.repeat(300 * 1024) };
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: big });
    expectCleanError(res, 413);
    expect(res.json().error.code).toBe('BODY_TOO_LARGE');
    const asAdmin = await t.as(admin, 'POST', '/api/v1/units', {
      name: 'x'.repeat(300 * 1024),
      kind: 'school',
    });
    expectCleanError(asAdmin, 413);
  });

  it('refuses malformed JSON with 400 INVALID_JSON', async () => {
    for (const payload of ['{"email": "a@b.dk", "password": ', '{email: 1}', 'nul', '']) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expectCleanError(res, 400);
      expect(res.json().error.code).toBe('INVALID_JSON');
    }
  });

  it('refuses prototype-pollution keys as invalid JSON', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"admin": true}, "email": "a@b.dk", "password": "x"}',
    });
    expectCleanError(res, 400);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('names each field with the wrong JSON type, calling it a wrong type rather than missing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 5, password: true },
      headers: { cookie: 'beskyt_lang=en' },
    });
    expectCleanError(res, 400);
    const { error } = res.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields).sort()).toEqual(['email', 'password']);
    expect(error.fields).toEqual({
      email: 'Has the wrong type (expected string).',
      password: 'Has the wrong type (expected string).',
    });
  });

  it('names unknown fields and missing fields', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'a@b.dk', isAdmin: true },
      headers: { cookie: 'beskyt_lang=en' },
    });
    expectCleanError(res, 400);
    expect(res.json().error.fields).toEqual({ password: 'Is required.', isAdmin: 'Unknown field.' });
  });

  // PostgreSQL refuses NUL in text and jsonb; the server must turn that into a 4xx, not a 500.
  it.each([
    ['a NUL character in the login e-mail', () => login('a\u0000b@demo.beskyt.test', 'x')],
    [
      'a NUL character in a new unit’s name',
      () => t.as(admin, 'POST', '/api/v1/units', { name: 'Skole\u0000', kind: 'school' }),
    ],
    [
      'a NUL character in a new user’s name',
      () =>
        t.as(admin, 'POST', '/api/v1/users', {
          name: 'Test\u0000',
          email: `nul-${randomUUID()}@demo.beskyt.test`,
          password: 'a-long-enough-password',
        }),
    ],
    ['a NUL character in a child search', () => t.as(professional, 'GET', '/api/v1/children?q=An%00na')],
    ['a NUL character in a user search', () => t.as(admin, 'GET', '/api/v1/users?q=An%00na')],
    [
      'a NUL character in the reason for a CPR reveal',
      async () => {
        const child = (await t.as(professional, 'GET', '/api/v1/children?pageSize=1')).json().items[0];
        return t.as(professional, 'POST', `/api/v1/children/${child.id}/cpr-reveal`, {
          reason: 'Samtale\u0000med mor',
        });
      },
    ],
    [
      'a version beyond 32 bits when changing a user',
      () => t.as(admin, 'PATCH', `/api/v1/users/${admin.user.id}`, { version: 2 ** 40 }),
    ],
    [
      'a version beyond 32 bits when changing a unit',
      async () => {
        const unit = (await t.as(admin, 'GET', '/api/v1/units')).json().items[0];
        return t.as(admin, 'PATCH', `/api/v1/units/${unit.id}`, { version: 2 ** 40 });
      },
    ],
  ])('answers %s with a 4xx', async (_name, request) => {
    const res = await request();
    expectCleanError(res);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
  });

  it('names the field when a date PostgreSQL cannot store (year 0) is used as an audit filter', async () => {
    const res = await t.as(admin, 'GET', '/api/v1/audit?from=0000-01-01');
    expectCleanError(res, 400);
    expect(res.json().error.fields?.from).toBeTruthy();
  });
});

describe('random bodies (property)', () => {
  // Text that tends to break things: NUL and other control characters, a lone surrogate, quotes, LIKE wildcards.
  const nasty = fc.string({
    unit: fc.constantFrom(
      'a',
      'B',
      'æ',
      'ø',
      ' ',
      '\u0000',
      '\u0007',
      '\ud800',
      '\u202e',
      '"',
      '\\',
      '%',
      '_',
      '💥',
    ),
    maxLength: 40,
  });
  const anyJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });

  function expectSafeAnswer(res: LightMyRequestResponse): void {
    expect(res.statusCode, res.body).toBeLessThan(500);
    expect(res.body).not.toMatch(STACK_TRACE);
    if (res.statusCode === 400) {
      const body = res.json();
      expect(Object.keys(body)).toEqual(['error']);
      expect(typeof body.error.code).toBe('string');
      expect(typeof body.error.message).toBe('string');
    }
  }

  function post(session: TSession, url: string, body: unknown): Promise<LightMyRequestResponse> {
    return t.app.inject({
      method: 'POST',
      url,
      payload: JSON.stringify(body) ?? 'null',
      headers: {
        cookie: session.cookie,
        'x-csrf-token': session.csrfToken,
        'content-type': 'application/json',
      },
    });
  }

  it('never answers a CPR reveal with a 5xx, whatever JSON arrives', async () => {
    const child = (await t.as(professional, 'GET', '/api/v1/children?pageSize=1')).json().items[0];
    const body = fc.oneof(
      anyJson,
      fc.object(),
      fc.record({ reason: fc.oneof(nasty, anyJson) }),
      fc.record({ reason: nasty, extra: anyJson }, { requiredKeys: [] }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) =>
        expectSafeAnswer(await post(professional, `/api/v1/children/${child.id}/cpr-reveal`, b)),
      ),
      { numRuns: 150 },
    );
  });

  it('never answers creating a unit with a 5xx, whatever JSON arrives', async () => {
    const kinds = fc.constantFrom(...UNIT_KINDS, 'castle', '');
    const body = fc.oneof(
      anyJson,
      fc.object(),
      fc.record({ name: nasty, kind: kinds }),
      fc.record(
        {
          name: fc.oneof(nasty, anyJson),
          kind: fc.oneof(kinds, anyJson),
          districtId: fc.oneof(fc.uuid(), nasty, fc.constant(null)),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => expectSafeAnswer(await post(admin, '/api/v1/units', b))),
      { numRuns: 150 },
    );
  });
});

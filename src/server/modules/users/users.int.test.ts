import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZPage } from '../../../shared/schemas/common.ts';
import { ZUser } from '../../../shared/schemas/user-views.ts';

let t: TTestApp;
let admin: TSession;
let secondAdmin: TSession;
let unitId: string;

beforeAll(async () => {
  t = await startTestApp({ children: 40 });
  admin = await t.login('admin@demo.beskyt.test');
  // A second admin, put in place directly as the seed does.
  const { rows } = await t.db.pool.query(
    `INSERT INTO users (municipality_id, email, name, password_hash)
     SELECT municipality_id, 'admin2@demo.beskyt.test', 'Anden Admin', password_hash FROM users
      WHERE email = 'admin@demo.beskyt.test' RETURNING municipality_id, id`,
  );
  await t.db.pool.query(
    "INSERT INTO role_assignments (municipality_id, user_id, role) VALUES ($1, $2, 'admin')",
    [rows[0].municipality_id, rows[0].id],
  );
  secondAdmin = await t.login('admin2@demo.beskyt.test');
  unitId = (await t.as(admin, 'GET', '/api/v1/units?kind=school')).json().items[0].id;
});
afterAll(() => t.close());

/** A professional role reaches children, so a second admin confirms it (role-grants.int.test.ts). */
async function createProfessional(email: string) {
  const res = await t.as(admin, 'POST', '/api/v1/users', {
    name: 'Sofie Skolelærer',
    email,
    password: 'et-langt-kodeord-1',
    roles: [{ role: 'professional', unitId }],
  });
  expect(res.statusCode).toBe(201);
  const [grant] = ZUser.parse(res.json()).pendingRoles;
  if (!grant) throw new Error('the professional role waits for a second admin');
  expect((await t.as(secondAdmin, 'POST', `/api/v1/role-grants/${grant.grantId}/confirm`)).statusCode).toBe(
    200,
  );
  const { rows } = await t.db.pool.query('SELECT version FROM users WHERE id = $1', [res.json().id]);
  return { ...res.json(), version: rows[0].version };
}

describe('user administration', () => {
  it('creates a professional who can log in and see the unit’s children', async () => {
    await createProfessional('sofie@demo.beskyt.test');
    const sofie = await t.login('sofie@demo.beskyt.test', 'et-langt-kodeord-1');
    expect(sofie.user.permissions).toContain('read:child:unit');
    expect((await t.as(sofie, 'GET', '/api/v1/children')).statusCode).toBe(200);
    // The admin's list shows her with the confirmed role, as the web app reads it.
    const list = await t.as(admin, 'GET', '/api/v1/users?q=sofie@demo');
    expect(list.statusCode).toBe(200);
    const [listed] = ZPage(ZUser).parse(list.json()).items;
    expect(listed).toMatchObject({
      email: 'sofie@demo.beskyt.test',
      active: true,
      roles: [{ role: 'professional', unitId }],
      pendingRoles: [],
    });
  });

  it('takes a removed role away at once, also from a signed-in session', async () => {
    const user = await createProfessional('rolle@demo.beskyt.test');
    const session = await t.login('rolle@demo.beskyt.test', 'et-langt-kodeord-1');
    expect((await t.as(session, 'GET', '/api/v1/children')).statusCode).toBe(200);
    const res = await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      roles: [{ role: 'analyst' }],
    });
    expect(res.statusCode).toBe(200);
    expect(ZUser.parse(res.json()).roles).toEqual([{ role: 'analyst', unitId: null, unitName: null }]);
    expect((await t.as(session, 'GET', '/api/v1/children')).statusCode).toBe(403);
  });

  it('answers 409 to an edit made on a stale version, and keeps the newer change', async () => {
    const user = await createProfessional('stale@demo.beskyt.test');
    expect(
      (await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, { version: user.version, name: 'Ny' }))
        .statusCode,
    ).toBe(200);
    const stale = await t.as(admin, 'PATCH', `/api/v1/users/${user.id}`, {
      version: user.version,
      name: 'Gammel',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const { rows } = await t.db.pool.query('SELECT name FROM users WHERE id = $1', [user.id]);
    expect(rows[0].name).toBe('Ny');
  });

  it('refuses an e-mail already used in another municipality, naming the field', async () => {
    const res = await t.as(admin, 'POST', '/api/v1/users', {
      name: 'Dublet',
      email: 'PROFESSIONAL@nabo.beskyt.test',
      password: 'et-langt-kodeord-1',
      roles: [],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.email).toBe('E-mailadressen er allerede i brug.');
  });

  it('refuses a unit-scoped role without a unit, or with a unit of another municipality', async () => {
    const nabo = await t.login('admin@nabo.beskyt.test');
    const naboUnit = (await t.as(nabo, 'GET', '/api/v1/units')).json().items[0].id;
    const without = await t.as(admin, 'POST', '/api/v1/users', {
      name: 'Uden enhed',
      email: 'uden@demo.beskyt.test',
      password: 'et-langt-kodeord-1',
      roles: [{ role: 'professional' }],
    });
    expect(without.json().error.fields['roles.0.unitId']).toBe('Rollen professional kræver en enhed.');
    const foreign = await t.as(admin, 'POST', '/api/v1/users', {
      name: 'Fremmed enhed',
      email: 'fremmed@demo.beskyt.test',
      password: 'et-langt-kodeord-1',
      roles: [{ role: 'professional', unitId: naboUnit }],
    });
    expect(foreign.json().error.fields['roles.0.unitId']).toBe('Enheden findes ikke.');
    const { rowCount } = await t.db.pool.query(
      "SELECT 1 FROM users WHERE email IN ('uden@demo.beskyt.test', 'fremmed@demo.beskyt.test')",
    );
    expect(rowCount).toBe(0);
  });
});

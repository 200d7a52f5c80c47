import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type TPermission, type TRole } from '../../../shared/permissions.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Every notification and deadline-settings endpoint × every role: the success status for a role holding the
 * permission, 403 for one without, 401 without a session, and 404 for a caseworker of another municipality
 * (a notification's existence is never confirmed across municipalities).
 */
let t: TTestApp;
const sessions = {} as Record<TRole, TSession>;
let naboCaseworker: TSession;
let naboProfessional: TSession;
let demoId: string;

const PDF = Buffer.from('%PDF-1.4\n%%EOF\n');

async function citizenNotification(withAttachment = false): Promise<{ id: string; attachmentId?: string }> {
  const boundary = 'b0undary';
  const fields = {
    childName: 'Auth Testbarn',
    childBirthDate: '01-02-2015',
    childAddress: 'Vej 2, 9999 By',
    description: 'Bekymring til autorisationstest.',
    anonymous: 'yes',
  };
  const parts = Object.entries(fields).map(
    ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(parts.join('')),
    withAttachment
      ? Buffer.concat([
          Buffer.from(
            `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
          ),
          PDF,
          Buffer.from('\r\n'),
        ])
      : Buffer.alloc(0),
    Buffer.from(`--${boundary}--\r\n`),
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/borger/demo/underretning',
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    // Each from its own address: the form's per-IP limit is not what is tested here.
    remoteAddress: `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  expect(res.statusCode, res.body).toBe(303);
  const ref = /ref=(U-[0-9A-Z]{6})/.exec(res.headers.location as string)?.[1];
  const { rows } = await t.db.pool.query(
    `SELECT n.id, a.id AS attachment_id FROM notifications n
       LEFT JOIN notification_attachments a ON a.municipality_id = n.municipality_id AND a.notification_id = n.id
      WHERE n.reference = $1`,
    [ref],
  );
  return { id: rows[0].id, attachmentId: rows[0].attachment_id ?? undefined };
}

async function assessed(): Promise<{ id: string; version: number }> {
  const n = await citizenNotification();
  const child = await t.db.pool.query('SELECT id FROM children WHERE municipality_id = $1 LIMIT 1', [demoId]);
  const m = await t.as(sessions.caseworker, 'POST', `/api/v1/notifications/${n.id}/match`, {
    childId: child.rows[0].id,
    version: 1,
  });
  const a = await t.as(sessions.caseworker, 'POST', `/api/v1/notifications/${n.id}/assessment`, {
    healthAtRisk: false,
    acuteNeeded: false,
    version: m.json().version,
  });
  return { id: n.id, version: a.json().version };
}

interface TCase {
  label: string;
  permission: TPermission;
  ok: number;
  /** Builds the request for a role (fresh records where the call changes state). */
  request: (role: TRole) => Promise<{ method: string; url: string; payload?: unknown }>;
  /** Also asked by a caseworker of Nabo Kommune: expected 404. */
  crossMunicipality?: boolean;
}

const CASES: TCase[] = [
  {
    label: 'POST /api/v1/notifications',
    permission: 'write:notification:unit',
    ok: 201,
    request: async (role) => ({
      method: 'POST',
      url: '/api/v1/notifications',
      payload: {
        notifierKind: 'daycare',
        unitId:
          sessions[role].user.roles?.find((r) => r.unitId)?.unitId ?? '00000000-0000-4000-8000-000000000000',
        child: { cpr: '010115-4001' },
        description: 'Autorisationstest.',
      },
    }),
  },
  {
    label: 'GET /api/v1/notifications/mine',
    permission: 'read:notification:own',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/v1/notifications/mine' }),
  },
  {
    label: 'GET /api/v1/notifications',
    permission: 'read:notification:municipality',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/v1/notifications' }),
  },
  {
    label: 'GET /api/v1/notifications/:id',
    permission: 'read:notification:municipality',
    ok: 200,
    crossMunicipality: true,
    request: async () => ({
      method: 'GET',
      url: `/api/v1/notifications/${(await citizenNotification()).id}`,
    }),
  },
  {
    label: 'GET /api/v1/notifications/:id/attachments/:attachmentId',
    permission: 'read:notification:municipality',
    ok: 200,
    crossMunicipality: true,
    request: async () => {
      const n = await citizenNotification(true);
      return { method: 'GET', url: `/api/v1/notifications/${n.id}/attachments/${n.attachmentId}` };
    },
  },
  {
    label: 'GET /api/v1/notifications/:id/match-candidates',
    permission: 'assess:notification:municipality',
    ok: 200,
    crossMunicipality: true,
    request: async () => ({
      method: 'GET',
      url: `/api/v1/notifications/${(await citizenNotification()).id}/match-candidates`,
    }),
  },
  {
    label: 'POST /api/v1/notifications/:id/match',
    permission: 'assess:notification:municipality',
    ok: 200,
    crossMunicipality: true,
    request: async () => {
      const child = await t.db.pool.query('SELECT id FROM children WHERE municipality_id = $1 LIMIT 1', [
        demoId,
      ]);
      return {
        method: 'POST',
        url: `/api/v1/notifications/${(await citizenNotification()).id}/match`,
        payload: { childId: child.rows[0].id, version: 1 },
      };
    },
  },
  {
    label: 'POST /api/v1/notifications/:id/assessment',
    permission: 'assess:notification:municipality',
    ok: 200,
    crossMunicipality: true,
    request: async () => ({
      method: 'POST',
      url: `/api/v1/notifications/${(await citizenNotification()).id}/assessment`,
      payload: { healthAtRisk: true, acuteNeeded: false, version: 1 },
    }),
  },
  {
    label: 'POST /api/v1/notifications/:id/decision',
    permission: 'assess:notification:municipality',
    ok: 200,
    crossMunicipality: true,
    request: async () => {
      const n = await assessed();
      return {
        method: 'POST',
        url: `/api/v1/notifications/${n.id}/decision`,
        payload: { decision: 'screening', version: n.version },
      };
    },
  },
  {
    label: 'GET /api/v1/deadline-settings',
    permission: 'read:deadline:municipality',
    ok: 200,
    request: async () => ({ method: 'GET', url: '/api/v1/deadline-settings' }),
  },
  {
    label: 'PUT /api/v1/deadline-settings',
    permission: 'manage:deadline:municipality',
    ok: 200,
    request: async () => {
      const current = (await t.as(sessions.admin, 'GET', '/api/v1/deadline-settings')).json();
      const { updatedAt: _u, ...body } = current;
      return { method: 'PUT', url: '/api/v1/deadline-settings', payload: body };
    },
  },
];

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  for (const role of ROLES) sessions[role] = await t.login(`${role}@demo.beskyt.test`);
  naboCaseworker = await t.login('caseworker@nabo.beskyt.test');
  naboProfessional = await t.login('professional@nabo.beskyt.test');
  demoId = sessions.admin.user.municipality.id;
});
afterAll(() => t.close());

describe.each(CASES)('$label', (c) => {
  it.each([...ROLES])('as %s', async (role) => {
    const req = await c.request(role);
    const res = await t.as(sessions[role], req.method, req.url, req.payload);
    const expected = sessions[role].user.permissions.includes(c.permission) ? c.ok : 403;
    expect(res.statusCode, res.body).toBe(expected);
  });

  it('without a session: 401', async () => {
    const req = await c.request('admin');
    const res = await t.app.inject({
      method: req.method as 'GET',
      url: req.url,
      payload: req.payload as object,
    });
    expect(res.statusCode).toBe(401);
  });

  if (c.crossMunicipality)
    it('as a caseworker of another municipality: 404', async () => {
      const req = await c.request('caseworker');
      const res = await t.as(naboCaseworker, req.method, req.url, req.payload);
      expect(res.statusCode, res.body).toBe(404);
    });
});

describe('what a notifier sees', () => {
  it("a professional sees none of another professional's notifications, and nothing across municipalities", async () => {
    const res = await t.as(sessions.professional, 'POST', '/api/v1/notifications', {
      notifierKind: 'school',
      unitId: sessions.professional.user.roles?.find((r) => r.unitId)?.unitId,
      child: { cpr: '010115-4001' },
      description: 'Kun min egen.',
    });
    expect(res.statusCode).toBe(201);
    const leader = (await t.as(sessions.unitLeader, 'GET', '/api/v1/notifications/mine')).json();
    expect(leader.items.map((i: { id: string }) => i.id)).not.toContain(res.json().id);
    const nabo = (await t.as(naboProfessional, 'GET', '/api/v1/notifications/mine')).json();
    expect(nabo.items.map((i: { id: string }) => i.id)).not.toContain(res.json().id);
    const mine = (await t.as(sessions.professional, 'GET', '/api/v1/notifications/mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
  });

  it('a professional cannot open the notification itself', async () => {
    const n = await citizenNotification();
    expect((await t.as(sessions.professional, 'GET', `/api/v1/notifications/${n.id}`)).statusCode).toBe(403);
  });
});

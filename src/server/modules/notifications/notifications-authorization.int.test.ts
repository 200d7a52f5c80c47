import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenNotification as fixture } from '../../../../tests/fixtures/citizen-notification.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

/**
 * Who reaches a notification beyond the role matrix (tests/integration/authorization-matrix.test.ts asks every
 * endpoint of every role): a caseworker of another municipality gets 404 for every notification of Demo (its
 * existence is never confirmed across municipalities), and a notifier sees only their own notifications.
 */
let t: TTestApp;
const sessions = {} as Record<'professional' | 'unitLeader' | 'caseworker' | 'admin', TSession>;
let naboCaseworker: TSession;
let naboProfessional: TSession;
let demoId: string;

const citizenNotification = (withAttachment = false) => fixture(t, withAttachment);

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
  /** Builds the request a Demo caseworker could make (fresh records where the call changes state). */
  request: () => Promise<{ method: string; url: string; payload?: unknown }>;
}

const CASES: TCase[] = [
  {
    label: 'GET /api/v1/notifications/:id',
    request: async () => ({
      method: 'GET',
      url: `/api/v1/notifications/${(await citizenNotification()).id}`,
    }),
  },
  {
    label: 'GET /api/v1/notifications/:id/attachments/:attachmentId',
    request: async () => {
      const n = await citizenNotification(true);
      return { method: 'GET', url: `/api/v1/notifications/${n.id}/attachments/${n.attachmentId}` };
    },
  },
  {
    label: 'GET /api/v1/notifications/:id/match-candidates',
    request: async () => ({
      method: 'GET',
      url: `/api/v1/notifications/${(await citizenNotification()).id}/match-candidates`,
    }),
  },
  {
    label: 'POST /api/v1/notifications/:id/match',
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
    request: async () => ({
      method: 'POST',
      url: `/api/v1/notifications/${(await citizenNotification()).id}/assessment`,
      payload: { healthAtRisk: true, acuteNeeded: false, version: 1 },
    }),
  },
  {
    label: 'POST /api/v1/notifications/:id/decision',
    request: async () => {
      const n = await assessed();
      return {
        method: 'POST',
        url: `/api/v1/notifications/${n.id}/decision`,
        payload: { decision: 'screening', version: n.version },
      };
    },
  },
];

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  for (const role of ['professional', 'unitLeader', 'caseworker', 'admin'] as const)
    sessions[role] = await t.login(`${role}@demo.beskyt.test`);
  naboCaseworker = await t.login('caseworker@nabo.beskyt.test');
  naboProfessional = await t.login('professional@nabo.beskyt.test');
  demoId = sessions.admin.user.municipality.id;
});
afterAll(() => t.close());

describe.each(CASES)('$label', (c) => {
  it('as a caseworker of another municipality: 404', async () => {
    const req = await c.request();
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

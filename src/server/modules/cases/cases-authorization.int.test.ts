import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ROLES, type TPermission, type TRole } from '../../../shared/permissions.ts';

/**
 * Cases, caseworker changes and letters beyond the role matrix (tests/integration/authorization-matrix.test.ts
 * asks every endpoint of every role and signed out): the relations. A case of another team, another
 * municipality's case, change or letter answers 404 for every id endpoint — existence is never confirmed —
 * and a caseworker's lists hold only their teams' cases.
 */
let t: TTestApp;
const sessions = {} as Record<TRole, TSession>;
let team1Case: string;
let team2Case: string;
let followUpId: string;
let letterId: string;
let changeId: string;
let naboCase: string;
let otherTeam: TSession;
let naboManager: TSession;

const PERMS: Record<TRole, TPermission[]> = {} as Record<TRole, TPermission[]>;

interface TEndpoint {
  method: 'GET' | 'POST' | 'PUT';
  url: () => string;
  permission: TPermission;
  body?: () => unknown;
  /** The id endpoints asked again for a record outside the user's relation. */
  relation?: 'case' | 'change' | 'letter';
}

const caseBody = {
  conversation: () => ({ outcome: 'held', onDate: '2026-11-10', note: 'Barnet vil gerne gå til svømning.' }),
  measure: () => ({ section: 's30', title: 'Forældrekursus', startsOn: '2027-01-11' }),
  plan: () => ({
    madeOn: '2027-01-12',
    childWishes: 'At gå til svømning',
    goals: [{ text: 'Går til svømning', factorCodes: ['P-ORGANISED-LEISURE'] }],
  }),
};

const ENDPOINTS: TEndpoint[] = [
  {
    method: 'GET',
    url: () => `/api/v1/letters/${letterId}/pdf`,
    permission: 'read:letter:municipality',
    relation: 'letter',
  },
  {
    method: 'POST',
    url: () => `/api/v1/letters/${letterId}/retry`,
    permission: 'manage:letter:municipality',
    relation: 'letter',
  },
  { method: 'GET', url: () => `/api/v1/cases/${team1Case}`, permission: 'read:case:team', relation: 'case' },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/conversations`,
    permission: 'write:case:team',
    body: caseBody.conversation,
    relation: 'case',
  },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/measures`,
    permission: 'write:case:team',
    body: caseBody.measure,
    relation: 'case',
  },
  {
    method: 'PUT',
    url: () => `/api/v1/cases/${team1Case}/plan`,
    permission: 'write:case:team',
    body: caseBody.plan,
    relation: 'case',
  },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/preliminary-assessment`,
    permission: 'write:case:team',
    body: () => ({ version: 1, text: 'Foreløbig' }),
    relation: 'case',
  },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/child-assessment`,
    permission: 'write:case:team',
    body: () => ({ version: 1, completedOn: '2027-01-01', summary: 'Færdig' }),
    relation: 'case',
  },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/follow-ups/${followUpId}/held`,
    permission: 'write:case:team',
    body: () => ({ heldOn: '2026-11-01', note: 'Forældrekurset hjælper.' }),
    relation: 'case',
  },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/access-grants`,
    permission: 'manage:case:team',
    body: () => ({ userId: sessions.caseworker.user.id, reason: 'Vikar' }),
    relation: 'case',
  },
  {
    method: 'POST',
    url: () => `/api/v1/cases/${team1Case}/close`,
    permission: 'write:case:team',
    body: () => ({ version: 1, reason: 'Slut' }),
    relation: 'case',
  },
  {
    method: 'GET',
    url: () => `/api/v1/caseworker-changes/${changeId}`,
    permission: 'manage:case:team',
    relation: 'change',
  },
  {
    method: 'POST',
    url: () => `/api/v1/caseworker-changes/${changeId}/confirm`,
    permission: 'manage:case:team',
    body: () => ({ version: 1, assignments: [] }),
    relation: 'change',
  },
];

beforeAll(async () => {
  t = await startTestApp({ children: 60 });
  for (const role of ROLES) {
    sessions[role] = await t.login(`${role}@demo.beskyt.test`);
    PERMS[role] = sessions[role].user.permissions as TPermission[];
  }
  otherTeam = await t.login('caseworker4@demo.beskyt.test');
  naboManager = await t.login('caseworkManager@nabo.beskyt.test');
  const ids = await t.db.pool.query(
    `SELECT c.id, c.caseworker_id, m.slug, u.email FROM cases c JOIN municipalities m ON m.id = c.municipality_id
       JOIN users u ON u.id = c.caseworker_id WHERE c.status = 'open' ORDER BY c.reference`,
  );
  team1Case = ids.rows.find((r) => r.email === 'caseworker2@demo.beskyt.test').id;
  team2Case = ids.rows.find((r) => r.email === 'caseworker4@demo.beskyt.test').id;
  naboCase = ids.rows.find((r) => r.slug === 'nabo').id;
  followUpId = (await t.db.pool.query('SELECT id FROM case_follow_ups LIMIT 1')).rows[0].id;
  // A letter and a change in Demo, made by the manager through the API.
  const change = await t.as(sessions.caseworkManager, 'POST', '/api/v1/caseworker-changes', {
    leavingUserId: (
      await t.db.pool.query("SELECT id FROM users WHERE email = 'caseworker3@demo.beskyt.test'")
    ).rows[0].id,
    effectiveOn: '2027-03-01',
  });
  expect(change.statusCode).toBe(201);
  changeId = change.json().id;
  const { queueLetter } = await import('../letters/queue-letter.ts');
  const demoId = (await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'")).rows[0].id;
  letterId = (
    await t.db.tenant(demoId, (q) =>
      queueLetter(q, {
        municipalityId: demoId,
        kind: 'notificationReceipt',
        recipient: { name: 'Lærer Lis', addressLines: ['Skolevej 1', '9000 Aalborg'] },
        template: 'notificationReceipt',
        data: { receivedAt: '2027-01-04T10:15:00+01:00', reference: 'U-ABC123' },
        idempotencyKey: 'auth-test',
      }),
    )
  ).id;
});
afterAll(() => t.close());

describe('permissions', () => {
  it('holds the permissions of the spec: cases for caseworkers and managers, compliance also for analysts', () => {
    expect(PERMS.caseworker).toEqual(expect.arrayContaining(['read:case:team', 'write:case:team']));
    expect(PERMS.caseworker).not.toContain('manage:case:team');
    expect(PERMS.caseworkManager).toEqual(
      expect.arrayContaining([
        'manage:case:team',
        'read:letter:municipality',
        'read:compliance:municipality',
      ]),
    );
    expect(PERMS.analyst).toContain('read:compliance:municipality');
    expect(PERMS.analyst).not.toContain('read:case:team');
  });
});

describe('relations', () => {
  const swap = (url: string, from: string, to: string) => url.replace(from, to);

  it('another team’s caseworker and manager get 404 for a case of a team they are not in', async () => {
    for (const e of ENDPOINTS.filter((x) => x.relation === 'case')) {
      const url = swap(e.url(), team1Case, team1Case);
      const res = await t.as(otherTeam, e.method, url, e.body?.());
      if (e.permission === 'manage:case:team') expect(res.statusCode, url).toBe(403);
      else expect(res.statusCode, `${e.method} ${url}`).toBe(404);
      const manager = await t.as(
        sessions.caseworkManager,
        e.method,
        swap(e.url(), team1Case, team2Case),
        e.body?.(),
      );
      expect(manager.statusCode, `manager ${e.method} ${swap(e.url(), team1Case, team2Case)}`).toBe(404);
    }
  });

  it('another municipality gets 404 for cases, changes and letters', async () => {
    for (const e of ENDPOINTS.filter((x) => x.relation)) {
      const res = await t.as(naboManager, e.method, e.url(), e.body?.());
      expect(res.statusCode, `${e.method} ${e.url()}`).toBe(404);
    }
    const demoManagerOnNabo = await t.as(sessions.caseworkManager, 'GET', `/api/v1/cases/${naboCase}`);
    expect(demoManagerOnNabo.statusCode).toBe(404);
    const list = (await t.as(naboManager, 'GET', '/api/v1/cases?pageSize=100')).json();
    expect(list.items.some((c: { id: string }) => c.id === team1Case)).toBe(false);
  });

  it('a caseworker sees only their teams’ cases in the list and the deadline view', async () => {
    const mine = (await t.as(otherTeam, 'GET', '/api/v1/cases?pageSize=100')).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(new Set(mine.items.map((c: { team: { id: string } }) => c.team.id)).size).toBe(1);
    expect(mine.items.some((c: { id: string }) => c.id === team1Case)).toBe(false);
    const deadlines = (await t.as(otherTeam, 'GET', '/api/v1/case-deadlines')).json();
    expect(deadlines.teams).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { insertAlert } from '../alerts/insert-alert.ts';
import { addUser, unitOf } from '../assessments/assessments.fixtures.ts';

let t: TTestApp;
let demoId: string;
let professional: TSession;
let leader: TSession;
let admin: TSession;
let schoolId: string;

let serial = 0;

/**
 * A child of its own for each test, enrolled now in the unit (registered by the unit's leader): no concern,
 * coordinator or alert from the demo data, or from other tests, can touch it.
 */
async function freshChild(unitId: string): Promise<string> {
  for (;;) {
    serial += 1;
    const day = String(1 + (serial % 28)).padStart(2, '0');
    const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
    const cpr = `${day}${month}16-${4000 + Math.floor(Math.random() * 6000)}`;
    const res = await t.as(leader, 'POST', '/api/v1/children', {
      firstName: 'Test',
      lastName: `Barn ${serial}`,
      cpr,
      unitId,
      fromDate: '2025-08-01',
    });
    if (res.statusCode === 201) return res.json().id;
    if (res.statusCode !== 409) throw new Error(`child not created: ${res.body}`);
  }
}

const concern = (childId: string | null, over: Record<string, unknown> = {}) => ({
  childId,
  signs: ['withdrawn'],
  description: 'Har trukket sig fra legen i flere uger.',
  level: 3,
  actionCode: 'interdisciplinaryMeeting',
  ...over,
});

/** Alerts raised by the concern rule about the child (other rules may fire on a seeded child's assessments). */
async function ruleAlerts(child: string): Promise<number> {
  const { rows } = await t.db.pool.query(
    "SELECT count(*)::int AS n FROM alerts WHERE child_id = $1 AND rule_code = 'concernsFromProfessions'",
    [child],
  );
  return rows[0].n;
}

async function counts(): Promise<Record<string, number>> {
  await t.audit.drain();
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*)::int FROM concerns) AS concerns, (SELECT count(*)::int FROM alerts) AS alerts,
            (SELECT count(*)::int FROM audit_events) AS audit`,
  );
  return rows[0];
}

beforeAll(async () => {
  t = await startTestApp();
  const { rows } = await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'");
  demoId = rows[0].id;
  professional = await t.login('professional@demo.beskyt.test');
  leader = await t.login('unitLeader@demo.beskyt.test');
  admin = await t.login('admin@demo.beskyt.test');
  schoolId = unitOf(leader, 'unitLeader');
}, 120_000);

afterAll(() => t.close());

describe('the handleguide', () => {
  it('lists the signs with actions by level; acute signs carry only notification', async () => {
    const res = await t.as(professional, 'GET', '/api/v1/handleguide');
    expect(res.statusCode).toBe(200);
    const signs = res.json().signs as { code: string; acute: boolean; actions: { level: number }[] }[];
    expect(signs.map((s) => s.code)).toEqual(
      expect.arrayContaining(['withdrawn', 'beginningAbsence', 'signsOfViolence']),
    );
    const violence = signs.find((s) => s.code === 'signsOfViolence');
    expect(violence?.acute).toBe(true);
    expect(violence?.actions.map((a) => a.level)).toEqual([4]);
    expect(signs.find((s) => s.code === 'withdrawn')?.actions.map((a) => a.level)).toEqual([
      1, 1, 2, 3, 3, 4,
    ]);
  });

  it('an admin edits a sign with its version; a stale version is 409 and an acute sign refuses lower levels', async () => {
    const guide = (await t.as(admin, 'GET', '/api/v1/handleguide')).json().signs;
    const sign = guide.find((s: { code: string }) => s.code === 'suddenChange');
    const body = {
      version: sign.version,
      labelDa: 'Pludselig ændret adfærd',
      labelEn: 'Sudden change in behaviour',
      acute: false,
      actions: [
        {
          level: 1,
          code: 'observeInUnit',
          titleDa: 'Observér',
          titleEn: 'Observe',
          links: [{ label: 'PPR', url: 'https://example.org/ppr' }],
        },
      ],
    };
    const ok = await t.as(admin, 'PUT', '/api/v1/handleguide/signs/suddenChange', body);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().actions).toHaveLength(1);
    expect(ok.json().version).toBe(sign.version + 1);
    const stale = await t.as(admin, 'PUT', '/api/v1/handleguide/signs/suddenChange', body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('STALE_VERSION');
    const acute = await t.as(admin, 'PUT', '/api/v1/handleguide/signs/newAcuteSign', {
      ...body,
      version: undefined,
      acute: true,
    });
    expect(acute.statusCode).toBe(400);
    expect(Object.keys(acute.json().error.fields)).toContain('actions.0.level');
    const created = await t.as(admin, 'PUT', '/api/v1/handleguide/signs/schoolRefusal', {
      ...body,
      version: undefined,
    });
    expect(created.statusCode).toBe(200);
    const twice = await t.as(admin, 'PUT', '/api/v1/handleguide/signs/schoolRefusal', {
      ...body,
      version: undefined,
    });
    expect(twice.json().error.code).toBe('SIGN_EXISTS');
  });
});

describe('recording a concern', () => {
  it('records a named concern with the chosen action, audited, and shows it on the child', async () => {
    const child = await freshChild(schoolId);
    const res = await t.as(professional, 'POST', '/api/v1/concerns', concern(child, { factorCodes: [] }));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      childId: child,
      level: 3,
      actionCode: 'interdisciplinaryMeeting',
      actionText: 'Tværfagligt møde',
      anonymous: false,
      acute: false,
    });
    expect(body.unitId).toBe(schoolId);
    expect(body.profession).toBe('teacher');
    await t.audit.drain();
    const { rows } = await t.db.pool.query(
      "SELECT action, purpose FROM audit_events WHERE entity = 'concern' AND entity_id = $1",
      [body.id],
    );
    expect(rows).toEqual([{ action: 'create', purpose: `enrolment:${schoolId}` }]);
    const list = await t.as(leader, 'GET', `/api/v1/children/${child}/concerns`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([body.id]);
    await t.audit.drain();
    const reads = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE action = 'read' AND child_id = $1 AND detail->>'view' = 'concerns'",
      [child],
    );
    expect(reads.rows[0].n).toBe(1);
  });

  it.each([
    [
      'an acute sign below level 4',
      { signs: ['signsOfViolence'], level: 3, actionCode: null, actionText: 'Tale med forældrene' },
      'level',
    ],
    ['an unknown sign', { signs: ['flying'] }, 'signs.0'],
    ['an action of another level', { level: 2 }, 'actionCode'],
    ['no action at all', { actionCode: null }, 'actionText'],
    ['an unknown factor code', { factorCodes: ['X-NOPE'] }, 'factorCodes.0'],
    ['an empty description', { description: '  ' }, 'description'],
  ])('refuses %s with 400 naming the field, writing nothing', async (_why, over, field) => {
    const child = await freshChild(schoolId);
    const before = await counts();
    const res = await t.as(professional, 'POST', '/api/v1/concerns', concern(child, over));
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('an acute sign is recorded at level 4 with notification', async () => {
    const child = await freshChild(schoolId);
    const res = await t.as(
      professional,
      'POST',
      '/api/v1/concerns',
      concern(child, { signs: ['signsOfViolence', 'withdrawn'], level: 4, actionCode: 'notifyAuthority' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().acute).toBe(true);
  });

  it('records an anonymous concern, but refuses one with a CPR number in it', async () => {
    const ok = await t.as(
      professional,
      'POST',
      '/api/v1/concerns',
      concern(null, { actionCode: 'anonymousConsultation' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ anonymous: true, childId: null, childName: null });
    const before = await counts();
    const bad = await t.as(
      professional,
      'POST',
      '/api/v1/concerns',
      concern(null, {
        description: 'Drengen (cpr 010215-1235) er ked af det',
        actionCode: 'anonymousConsultation',
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.description).toMatch(/CPR/);
    expect(await counts()).toEqual(before);
    const list = await t.as(leader, 'GET', '/api/v1/concerns?anonymous=true&level=3');
    expect(list.json().items.map((c: { id: string }) => c.id)).toContain(ok.json().id);
  });

  it('answers 404 for a child outside the user’s units and for another municipality’s child', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT c.id FROM children c WHERE c.municipality_id = $1 AND NOT EXISTS (SELECT 1 FROM enrolments e
          WHERE e.child_id = c.id AND e.unit_id = ANY($2::uuid[]) AND e.to_date IS NULL) LIMIT 1`,
      [demoId, (professional.user.roles ?? []).map((r) => r.unitId)],
    );
    const outside = await t.as(professional, 'POST', '/api/v1/concerns', concern(rows[0].id));
    expect(outside.statusCode).toBe(404);
    const { rows: nabo } = await t.db.pool.query(
      "SELECT c.id FROM children c JOIN municipalities m ON m.id = c.municipality_id WHERE m.slug = 'nabo' LIMIT 1",
    );
    expect((await t.as(professional, 'POST', '/api/v1/concerns', concern(nabo[0].id))).statusCode).toBe(404);
    expect((await t.as(professional, 'GET', `/api/v1/children/${nabo[0].id}/concerns`)).statusCode).toBe(404);
  });
});

describe('early warning and alerts', () => {
  it('three concerns from two professions alert the unit leader and the coordinator, with the reason', async () => {
    const child = await freshChild(schoolId);
    const setRes = await t.as(leader, 'PUT', `/api/v1/children/${child}/coordinator`, {
      userId: professional.user.id,
      parentsInformedOn: '2026-01-05',
    });
    expect(setRes.statusCode, setRes.body).toBe(200);
    await t.as(
      professional,
      'POST',
      '/api/v1/concerns',
      concern(child, { level: 1, actionCode: 'observeInUnit' }),
    );
    await t.as(
      leader,
      'POST',
      '/api/v1/concerns',
      concern(child, { level: 2, actionCode: 'talkWithParents' }),
    );
    expect(await ruleAlerts(child)).toBe(0);
    await t.as(professional, 'POST', '/api/v1/concerns', concern(child));
    const res = await t.as(leader, 'GET', '/api/v1/alerts?unreadOnly=true&pageSize=100');
    expect(res.statusCode).toBe(200);
    const alert = res.json().items.find((a: { childId: string }) => a.childId === child);
    expect(alert).toMatchObject({
      kind: 'earlyWarning',
      ruleCode: 'concernsFromProfessions',
      reason: {
        code: 'concernsFromProfessions',
        params: { count: 3, professions: ['leader', 'teacher'], days: 60 },
      },
      link: `/boern/${child}`,
      readAt: null,
    });
    expect(alert.childName).toEqual(expect.any(String));
    const coordinatorAlerts = (await t.as(professional, 'GET', '/api/v1/alerts?pageSize=100')).json().items;
    expect(coordinatorAlerts.some((a: { childId: string }) => a.childId === child)).toBe(true);
    // A fourth concern in the same run alerts nobody again.
    await t.as(professional, 'POST', '/api/v1/concerns', concern(child));
    expect(await ruleAlerts(child)).toBe(2);
    // Read: the leader marks it, once or twice; someone else's alert is not found.
    expect((await t.as(leader, 'POST', `/api/v1/alerts/${alert.id}/read`)).statusCode).toBe(200);
    expect((await t.as(leader, 'POST', `/api/v1/alerts/${alert.id}/read`)).statusCode).toBe(200);
    expect((await t.as(professional, 'POST', `/api/v1/alerts/${alert.id}/read`)).statusCode).toBe(404);
    const unread = (await t.as(leader, 'GET', '/api/v1/alerts?unreadOnly=true&pageSize=100')).json().items;
    expect(unread.some((a: { id: string }) => a.id === alert.id)).toBe(false);
  });

  it('every list that names a child audits a read of it: concerns, alerts and the coordinator overview', async () => {
    const child = await freshChild(schoolId);
    await t.as(leader, 'PUT', `/api/v1/children/${child}/coordinator`, { userId: professional.user.id });
    await t.as(
      leader,
      'POST',
      '/api/v1/concerns',
      concern(child, { level: 2, actionCode: 'talkWithParents' }),
    );
    await t.as(professional, 'POST', '/api/v1/concerns', concern(child));
    await t.as(professional, 'POST', '/api/v1/concerns', concern(child));
    const views = async (user: string) => {
      await t.audit.drain();
      const { rows } = await t.db.pool.query(
        `SELECT detail->>'view' AS view FROM audit_events
          WHERE action = 'read' AND entity = 'child' AND child_id = $1 AND user_id = $2
            AND detail->>'view' IN ('concernList', 'alerts', 'coordinatorOverview') ORDER BY view`,
        [child, user],
      );
      return rows.map((r) => r.view);
    };
    expect(await views(leader.user.id)).toEqual([]);
    const concerns = await t.as(leader, 'GET', '/api/v1/concerns?pageSize=100');
    expect(concerns.json().items.filter((c: { childId: string }) => c.childId === child)).toHaveLength(3);
    const alerts = await t.as(leader, 'GET', '/api/v1/alerts?pageSize=100');
    expect(alerts.json().items.some((a: { childId: string }) => a.childId === child)).toBe(true);
    expect(await views(leader.user.id)).toEqual(['alerts', 'concernList']);
    const overview = await t.as(professional, 'GET', '/api/v1/coordinators/me/children');
    expect(overview.json().items.map((c: { id: string }) => c.id)).toContain(child);
    expect(await views(professional.user.id)).toEqual(['coordinatorOverview']);
  });

  it('a disabled rule raises nothing; parameters are validated per rule', async () => {
    const rules = (await t.as(admin, 'GET', '/api/v1/early-warning-rules')).json().items;
    const rule = rules.find((r: { code: string }) => r.code === 'concernsFromProfessions');
    const bad = await t.as(admin, 'PUT', '/api/v1/early-warning-rules/concernsFromProfessions', {
      enabled: true,
      params: { days: 0 },
      version: rule.version,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields)).toContain('params.days');
    const off = await t.as(admin, 'PUT', '/api/v1/early-warning-rules/concernsFromProfessions', {
      enabled: false,
      params: rule.params,
      version: rule.version,
    });
    expect(off.statusCode, off.body).toBe(200);
    const stale = await t.as(admin, 'PUT', '/api/v1/early-warning-rules/concernsFromProfessions', {
      enabled: true,
      params: rule.params,
      version: rule.version,
    });
    expect(stale.statusCode).toBe(409);
    const child = await freshChild(schoolId);
    for (const s of [professional, leader, professional])
      await t.as(s, 'POST', '/api/v1/concerns', concern(child));
    expect(await ruleAlerts(child)).toBe(0);
    await t.as(admin, 'PUT', '/api/v1/early-warning-rules/concernsFromProfessions', {
      enabled: true,
      params: rule.params,
      version: rule.version + 1,
    });
  });

  it('hides an alert about a child the user may no longer see', async () => {
    const child = await freshChild(schoolId);
    const other = await addUser(t, demoId, 'unitLeader', [schoolId]);
    for (const s of [professional, leader, professional])
      await t.as(s, 'POST', '/api/v1/concerns', concern(child));
    const mine = () =>
      t
        .as(other, 'GET', '/api/v1/alerts?pageSize=100')
        .then((r) =>
          r
            .json()
            .items.filter(
              (a: { childId: string; ruleCode: string }) =>
                a.childId === child && a.ruleCode === 'concernsFromProfessions',
            ),
        );
    expect(await mine()).toHaveLength(1);
    await t.db.pool.query(
      'UPDATE enrolments SET to_date = current_date - 1, from_date = least(from_date, current_date - 1) WHERE child_id = $1 AND unit_id = $2',
      [child, schoolId],
    );
    expect(await mine()).toHaveLength(0);
    expect((await t.as(other, 'GET', '/api/v1/alerts/unread-count')).json().unread).toBe(0);
  });
});

describe('alerts raised by other modules', () => {
  it('shows a reminder about a child to a caseworker, whose relation the raising module checked', async () => {
    const caseworker = await t.login('caseworker@demo.beskyt.test');
    const child = await freshChild(schoolId);
    await insertAlert(t.db.pool, {
      municipalityId: demoId,
      userId: caseworker.user.id,
      childId: child,
      kind: 'reminder',
      reason: { code: 'notificationDueSoon', params: { reference: 'U-1' } },
      link: '/underretninger/x',
      dedupeKey: `test:${child}`,
    });
    // Idempotent on the key.
    expect(
      await insertAlert(t.db.pool, {
        municipalityId: demoId,
        userId: caseworker.user.id,
        childId: child,
        kind: 'reminder',
        reason: { code: 'notificationDueSoon' },
        dedupeKey: `test:${child}`,
      }),
    ).toBeNull();
    const items = (await t.as(caseworker, 'GET', '/api/v1/alerts')).json().items;
    expect(items.filter((a: { childId: string }) => a.childId === child)).toHaveLength(1);
  });
});

describe('the named coordinator', () => {
  it('is set by a leader of the child’s unit, replaced with the version, and sees the child as coordinator', async () => {
    const child = await freshChild(schoolId);
    const candidates = (await t.as(leader, 'GET', `/api/v1/children/${child}/coordinator-candidates`)).json()
      .items;
    expect(candidates.map((c: { id: string }) => c.id)).toContain(professional.user.id);
    const first = await t.as(leader, 'PUT', `/api/v1/children/${child}/coordinator`, {
      userId: professional.user.id,
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ userId: professional.user.id, parentsInformedOn: null, version: 1 });
    const again = await t.as(leader, 'PUT', `/api/v1/children/${child}/coordinator`, {
      userId: leader.user.id,
    });
    expect(again.statusCode).toBe(409);
    const told = await t.as(leader, 'PUT', `/api/v1/children/${child}/coordinator`, {
      userId: professional.user.id,
      parentsInformedOn: '2026-02-01',
      version: 1,
    });
    expect(told.json()).toMatchObject({ parentsInformedOn: '2026-02-01', version: 2 });
    const stranger = await addUser(t, demoId, 'professional', []);
    const refused = await t.as(leader, 'PUT', `/api/v1/children/${child}/coordinator`, {
      userId: stranger.user.id,
      version: 2,
    });
    expect(refused.statusCode).toBe(400);
    expect(Object.keys(refused.json().error.fields)).toEqual(['userId']);
    // A professional of another unit named coordinator sees the child's concerns through that relation.
    const { rows } = await t.db.pool.query(
      `SELECT u.id FROM units u WHERE u.municipality_id = $1 AND u.kind = 'healthVisiting' LIMIT 1`,
      [demoId],
    );
    const nurse = await addUser(t, demoId, 'professional', [rows[0].id]);
    await t.db.pool.query(
      'INSERT INTO enrolments (municipality_id, child_id, unit_id, from_date) VALUES ($1, $2, $3, current_date - 10)',
      [demoId, child, rows[0].id],
    );
    await t.db.pool.query('DELETE FROM enrolments WHERE child_id = $1 AND unit_id = $2', [child, rows[0].id]);
    expect((await t.as(nurse, 'GET', `/api/v1/children/${child}/concerns`)).statusCode).toBe(404);
    await t.db.pool.query('UPDATE child_coordinators SET user_id = $2 WHERE child_id = $1', [
      child,
      nurse.user.id,
    ]);
    expect((await t.as(nurse, 'GET', `/api/v1/children/${child}/concerns`)).statusCode).toBe(200);
    const overview = (await t.as(nurse, 'GET', '/api/v1/coordinators/me/children')).json().items;
    expect(overview.map((c: { id: string }) => c.id)).toEqual([child]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { decodeMeasurement } from '../../../shared/measurement-wire.ts';
import { ROLES, type TRole } from '../../../shared/permissions.ts';
import type { TToday } from '../../../shared/schemas/today.ts';

/**
 * The first page (issue 14, item 1): every role gets its own "what needs me today", counts that agree with the
 * pages they link to, no child named, nothing from another municipality.
 */
let t: TTestApp;
const sessions = {} as Record<TRole, TSession>;

const today = async (session: TSession): Promise<TToday> => {
  const res = await t.as(session, 'GET', '/api/v1/today');
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const keys = (answer: TToday) => answer.items.map((i) => i.key);
const item = (answer: TToday, key: string) => answer.items.find((i) => i.key === key);

beforeAll(async () => {
  t = await startTestApp({ children: 300 });
  for (const role of ROLES) sessions[role] = await t.login(`${role}@demo.beskyt.test`);
}, 180_000);
afterAll(() => t?.close());

describe('what needs me today', () => {
  it('gives a professional the assessments still to make in the open round and the children to follow', async () => {
    const answer = await today(sessions.professional);
    expect(keys(answer)).toContain('assessmentsDue');
    expect(answer.setup).toBeNull();
    expect(answer.keyFigure).toBeNull();
    for (const i of answer.items) {
      expect(i.count).toBeGreaterThan(0);
      expect(i.to).toMatch(/^\/[a-zæøå]/);
    }
  });

  it('counts the unit leader’s follow-up children exactly as the unit’s wellbeing page lists them', async () => {
    const leader = sessions.unitLeader;
    const units = (leader.user.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : []));
    let listed = new Set<string>();
    for (const unit of units) {
      const res = await t.as(leader, 'GET', `/api/v1/units/${unit}/wellbeing`);
      expect(res.statusCode, res.body).toBe(200);
      listed = new Set([...listed, ...res.json().followUp.map((f: { childId: string }) => f.childId)]);
    }
    const answer = await today(leader);
    expect(item(answer, 'followUpChildren')?.count ?? 0).toBe(listed.size);
    expect(listed.size).toBeGreaterThan(0);
  });

  it('gives a caseworker the intake and the cases’ deadlines, urgent ones first', async () => {
    const answer = await today(sessions.caseworker);
    expect(answer.items.length).toBeGreaterThan(0);
    const urgent = answer.items.map((i) => i.urgent);
    expect(urgent).toEqual([...urgent].sort((a, b) => Number(b) - Number(a)));
    const known = [
      'intakeWaiting',
      'intakeOverdue',
      'casesOverdue',
      'deadlinesThisWeek',
      'casesWithoutConversation',
      'casesWithoutPlan',
    ];
    expect(keys(answer).some((k) => known.includes(k))).toBe(true);
  });

  it('counts the caseworker’s overdue cases as the cases list filtered to overdue does', async () => {
    const answer = await today(sessions.caseworker);
    const res = await t.as(sessions.caseworker, 'GET', '/api/v1/cases?overdue=true&status=open&pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    expect(item(answer, 'casesOverdue')?.count ?? 0).toBe(res.json().total);
  });

  it('gives a manager the failed letters of the outbox', async () => {
    const m = sessions.caseworkManager.user.municipality.id;
    const { rows } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM letters WHERE municipality_id = $1 AND status = 'failed'",
      [m],
    );
    const answer = await today(sessions.caseworkManager);
    expect(item(answer, 'lettersFailed')?.count ?? 0).toBe(rows[0].n);
  });

  it('gives an analyst the newest protective share as the measurement shows it, through its disclosure control', async () => {
    const answer = await today(sessions.analyst);
    const rows = decodeMeasurement(
      (await t.as(sessions.analyst, 'GET', '/api/v1/measurement?groupBy=period')).json(),
    ).rows.filter((r) => r.summary?.mean !== null && r.summary?.mean !== undefined);
    const newest = rows.sort((a, b) => (b.keys.period ?? '').localeCompare(a.keys.period ?? ''))[0];
    expect(answer.keyFigure).toEqual({
      period: newest?.keys.period,
      n: newest?.summary?.n,
      mean: newest?.summary?.mean,
      ci95: newest?.summary?.ci95,
      coverage: newest?.summary?.coverage,
    });
    expect(answer.keyFigure?.n).toBeGreaterThanOrEqual(5);
  });

  it('gives an admin a setup checklist that follows what the municipality has done', async () => {
    const answer = await today(sessions.admin);
    expect(answer.setup?.map((s) => s.key)).toEqual([
      'units',
      'users',
      'catalogue',
      'handleguide',
      'warningRules',
      'noticeTexts',
      'deadlines',
    ]);
    expect(answer.setup?.find((s) => s.key === 'units')?.done).toBe(true);
    expect(answer.setup?.find((s) => s.key === 'catalogue')?.done).toBe(true);
    const m = sessions.admin.user.municipality.id;
    await t.db.pool.query('DELETE FROM deadline_settings WHERE municipality_id = $1', [m]);
    expect((await today(sessions.admin)).setup?.find((s) => s.key === 'deadlines')?.done).toBe(false);
  });

  it('gives a partner the referrals waiting for their answer, and a reviewer nothing to do yet', async () => {
    const partner = await today(sessions.partner);
    const waiting = (await t.as(sessions.partner, 'GET', '/api/v1/partner/referrals')).json().items as {
      status: string;
    }[];
    expect(item(partner, 'partnerReferralsToAnswer')?.count ?? 0).toBe(
      waiting.filter((r) => r.status === 'sent').length,
    );
    const reviewer = await today(sessions.reviewer);
    expect(reviewer).toMatchObject({ items: [], setup: null, keyFigure: null });
  });

  it('names no child, writes no audit event, and counts nothing of another municipality', async () => {
    await t.audit.drain();
    const before = (await t.db.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n;
    const bodies: string[] = [];
    for (const role of ROLES) bodies.push((await t.as(sessions[role], 'GET', '/api/v1/today')).body);
    await t.audit.drain();
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM audit_events')).rows[0].n).toBe(before);
    const { rows } = await t.db.pool.query('SELECT first_name, last_name FROM children LIMIT 200');
    for (const body of bodies)
      for (const c of rows) expect(body).not.toContain(`${c.first_name} ${c.last_name}`);
    const nabo = await t.login('caseworkManager@nabo.beskyt.test');
    const m = nabo.user.municipality.id;
    const { rows: failed } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM letters WHERE municipality_id = $1 AND status = 'failed'",
      [m],
    );
    expect(item(await today(nabo), 'lettersFailed')?.count ?? 0).toBe(failed[0].n);
  });

  it('answers 401 without a session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/today' });
    expect(res.statusCode).toBe(401);
  });
});

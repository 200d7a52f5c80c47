import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outliveSessionCache, startTestApp, type TTestApp } from '../../../tests/fixtures/test-app.ts';
import { referenceDate } from '../modules/measurement/reference-date.ts';
import { QUEUES, startJobs } from './jobs.ts';
import { purgeExpiredSessions } from './purge-expired-sessions.ts';
import { refreshOpenPopulations } from './refresh-open-populations.ts';

let t: TTestApp;
beforeAll(async () => {
  t = await startTestApp({ children: 20 });
});
afterAll(() => t.close());

describe('session purge job', () => {
  it('removes idle and expired sessions and keeps live ones working', async () => {
    const live = await t.login('professional@demo.beskyt.test');
    const idle = await t.login('unitLeader@demo.beskyt.test');
    const expired = await t.login('admin@demo.beskyt.test');
    await t.db.pool.query(
      "UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = $1",
      [idle.user.id],
    );
    await t.db.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [
      expired.user.id,
    ]);
    expect(await purgeExpiredSessions(t.db)).toBe(2);
    await outliveSessionCache();
    expect((await t.as(live, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await t.as(idle, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('runs through pg-boss on the same database', async () => {
    const boss = await startJobs(t.url, t.db);
    try {
      const stale = await t.login('analyst@demo.beskyt.test');
      await t.db.pool.query(
        "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1",
        [stale.user.id],
      );
      await boss.send(QUEUES.purgeSessions, {});
      await expect
        .poll(
          async () =>
            (
              await t.db.pool.query('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
                stale.user.id,
              ])
            ).rows[0].n,
          {
            timeout: 15_000,
            interval: 250,
          },
        )
        .toBe(0);
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
});

describe('population refresh job', () => {
  it('recounts the population of periods with an open round', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT municipality_id, period FROM assessment_rounds WHERE opens_on <= current_date AND closes_on >= current_date LIMIT 1`,
    );
    if (!rows[0]) return expect(await refreshOpenPopulations(t.db)).toBe(0);
    await t.db.pool.query('DELETE FROM measurement_population WHERE municipality_id = $1 AND period = $2', [
      rows[0].municipality_id,
      rows[0].period,
    ]);
    expect(await refreshOpenPopulations(t.db)).toBeGreaterThan(0);
    const { rows: counted } = await t.db.pool.query(
      `SELECT sum(children)::int AS n FROM measurement_population
        WHERE municipality_id = $1 AND period = $2 AND unit_id = '00000000-0000-0000-0000-000000000000'`,
      [rows[0].municipality_id, rows[0].period],
    );
    const { rows: kids } = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM children WHERE municipality_id = $1 AND birth_date <= $2::date',
      [rows[0].municipality_id, referenceDate(rows[0].period)],
    );
    expect(counted[0].n).toBeGreaterThan(0);
    expect(counted[0].n).toBeLessThanOrEqual(kids[0].n);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

let t: TTestApp;
let demoId: string;
let leader: TSession;
let schoolId: string;

beforeAll(async () => {
  t = await startTestApp();
  const { rows } = await t.db.pool.query("SELECT id FROM municipalities WHERE slug = 'demo'");
  demoId = rows[0].id;
  leader = await t.login('unitLeader@demo.beskyt.test');
  schoolId = (leader.user.roles ?? []).find((r) => r.role === 'unitLeader')?.unitId as string;
}, 120_000);

afterAll(() => t.close());

describe('early warning on a joint assessment', () => {
  it('a joint assessment that moves a child to red, with a risk factor present again, alerts the leader with both reasons', async () => {
    // A school child whose latest joint assessment (an earlier round) is yellow with a risk factor present,
    // and who has no joint assessment in the open round yet.
    const { rows } = await t.db.pool.query(
      `SELECT r.id AS round_id, a.child_id, a.position,
              (SELECT f.code FROM assessment_factors af JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
                WHERE af.assessment_id = a.id AND af.state = 'present' AND f.kind = 'risk' ORDER BY f.code LIMIT 1) AS risk_code
         FROM assessment_rounds r
         JOIN round_units ru ON ru.municipality_id = r.municipality_id AND ru.round_id = r.id AND ru.unit_id = $2
         JOIN LATERAL (SELECT a.* FROM assessments a
                        JOIN enrolments e ON e.child_id = a.child_id AND e.unit_id = $2 AND e.to_date IS NULL
                       WHERE a.municipality_id = r.municipality_id AND a.mode = 'joint' AND a.position = 'yellow'
                         AND a.round_id <> r.id
                         AND NOT EXISTS (SELECT 1 FROM assessments b WHERE b.child_id = a.child_id AND b.mode = 'joint'
                                          AND (b.round_id = r.id OR b.assessed_on > a.assessed_on))
                         AND EXISTS (SELECT 1 FROM assessment_factors af JOIN factors f ON f.id = af.factor_id
                                      WHERE af.assessment_id = a.id AND af.state = 'present' AND f.kind = 'risk')
                       ORDER BY a.child_id LIMIT 1) a ON true
        WHERE r.municipality_id = $1 AND r.opens_on <= current_date AND r.closes_on >= current_date
        LIMIT 1`,
      [demoId, schoolId],
    );
    const target = rows[0];
    expect(target, 'a yellow child in the open round').toBeDefined();
    const { rows: catalogue } = await t.db.pool.query(
      `SELECT f.code FROM assessment_rounds r JOIN factors f ON f.municipality_id = r.municipality_id AND f.catalogue_id = r.catalogue_id
        WHERE r.id = $1 AND f.code = $2`,
      [target.round_id, target.risk_code],
    );
    expect(catalogue[0], 'the risk factor is in the open round’s catalogue').toBeDefined();
    const factors = [{ code: target.risk_code, state: 'present' }];
    const res = await t.as(leader, 'POST', '/api/v1/assessments', {
      roundId: target.round_id,
      childId: target.child_id,
      mode: 'joint',
      position: 'red',
      factors,
    });
    expect(res.statusCode, res.body).toBe(201);
    const alerts = (await t.as(leader, 'GET', '/api/v1/alerts?pageSize=100'))
      .json()
      .items.filter((a: { childId: string }) => a.childId === target.child_id);
    const byRule = new Map(alerts.map((a: { ruleCode: string; reason: unknown }) => [a.ruleCode, a.reason]));
    expect(byRule.get('moveToRed')).toEqual({
      code: 'moveToRed',
      params: { from: 'yellow', assessedOn: expect.any(String) },
    });
    expect(byRule.get('persistentRisk')).toEqual({
      code: 'persistentRisk',
      params: { factors: [target.risk_code], consecutive: 2 },
    });
    // "Hvorfor" names the factor, not its code.
    const { rows: label } = await t.db.pool.query(
      'SELECT f.label_da FROM assessment_rounds r JOIN factors f ON f.catalogue_id = r.catalogue_id WHERE r.id = $1 AND f.code = $2',
      [target.round_id, target.risk_code],
    );
    const persistent = alerts.find((a: { ruleCode: string }) => a.ruleCode === 'persistentRisk');
    expect(persistent.factorLabels).toEqual({ [target.risk_code]: label[0].label_da });
    // Changing the same assessment again raises no second alert for the same move.
    const assessment = res.json();
    const again = await t.as(leader, 'PATCH', `/api/v1/assessments/${assessment.id}`, {
      version: assessment.version,
      note: 'Drøftet på teammødet.',
    });
    expect(again.statusCode, again.body).toBe(200);
    const { rows: count } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM alerts WHERE child_id = $1 AND rule_code = 'moveToRed' AND user_id = $2",
      [target.child_id, leader.user.id],
    );
    expect(count[0].n).toBe(1);
  });
});

describe('the demo data', () => {
  it('has signs, a handleguide, rules, concerns with history, coordinators and alerts in both municipalities', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT m.slug,
              (SELECT count(*)::int FROM concern_signs s WHERE s.municipality_id = m.id AND s.acute) AS acute_signs,
              (SELECT count(*)::int FROM handleguide_actions a WHERE a.municipality_id = m.id) AS actions,
              (SELECT count(*)::int FROM early_warning_rules r WHERE r.municipality_id = m.id) AS rules,
              (SELECT count(*)::int FROM concerns k WHERE k.municipality_id = m.id AND k.child_id IS NULL) AS anonymous,
              (SELECT count(*)::int FROM concerns k WHERE k.municipality_id = m.id AND k.created_at < now() - interval '90 days') AS old,
              (SELECT count(*)::int FROM child_coordinators c WHERE c.municipality_id = m.id) AS coordinators,
              (SELECT count(*)::int FROM alerts a WHERE a.municipality_id = m.id AND a.rule_code = 'concernsFromProfessions') AS alerts
         FROM municipalities m WHERE m.slug IN ('demo', 'nabo') ORDER BY m.slug`,
    );
    for (const r of rows) {
      expect(r.acute_signs).toBe(3);
      expect(r.actions).toBeGreaterThan(40);
      expect(r.rules).toBe(4);
      expect(r.anonymous).toBe(3);
      expect(r.old).toBeGreaterThan(0);
      expect(r.coordinators).toBe(3);
      // The leader and the coordinator of the child with three concerns from two professions.
      expect(r.alerts).toBe(2);
    }
  });
});

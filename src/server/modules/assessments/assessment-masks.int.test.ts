import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import {
  addDays,
  CURRENT_FACTORS,
  childPicker,
  publishTestCatalogue,
  unitOf,
} from './assessments.fixtures.ts';

let t: TTestApp;
let professional: TSession;
let assessment: { id: string; version: number; factors: { code: string; state: string }[] };

beforeAll(async () => {
  t = await startTestApp({ children: 40 });
  const admin = await t.login('admin@demo.beskyt.test');
  const leader = await t.login('unitleader@demo.beskyt.test');
  professional = await t.login('professional@demo.beskyt.test');
  const demoId = admin.user.municipality.id;
  const schoolId = unitOf(leader, 'unitLeader');
  await publishTestCatalogue(t, demoId, CURRENT_FACTORS);
  const today = (await t.db.pool.query('SELECT current_date::text AS d')).rows[0].d;
  const round = await t.as(admin, 'POST', '/api/v1/assessment-rounds', {
    name: 'Egenskabstest',
    opensOn: addDays(today, -1),
    closesOn: addDays(today, 1),
    unitIds: [schoolId],
  });
  const child = await childPicker(t, demoId)(schoolId);
  const res = await t.as(professional, 'POST', '/api/v1/assessments', {
    roundId: round.json().id,
    childId: child.id,
    mode: 'joint',
    position: 'green',
  });
  expect(res.statusCode, res.body).toBe(201);
  assessment = res.json();
});
afterAll(() => t.close());

/** A factor list in any order, each code at most once, with any state and sometimes a reason. */
const factorLists = fc
  .subarray(
    CURRENT_FACTORS.map((f) => f.code),
    { minLength: 0 },
  )
  .chain((codes) =>
    fc.tuple(
      fc.shuffledSubarray(codes, { minLength: codes.length, maxLength: codes.length }),
      fc.array(fc.constantFrom('present', 'absent', 'unknown'), {
        minLength: codes.length,
        maxLength: codes.length,
      }),
      fc.array(
        fc.option(
          fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0 && !s.includes('\0')),
        ),
        {
          minLength: codes.length,
          maxLength: codes.length,
        },
      ),
    ),
  )
  .map(([codes, states, reasons]) =>
    codes.map((code, i) => ({ code, state: states[i], ...(reasons[i] ? { reason: reasons[i] } : {}) })),
  );

describe('packed factor states', () => {
  it('stores masks and counts that equal a recomputation from the factor rows and from the input', async () => {
    await fc.assert(
      fc.asyncProperty(factorLists, async (factors) => {
        const res = await t.as(professional, 'PATCH', `/api/v1/assessments/${assessment.id}`, {
          version: assessment.version,
          factors,
        });
        expect(res.statusCode, res.body).toBe(200);
        assessment = res.json();
        const { rows } = await t.db.pool.query(
          `SELECT a.present_mask::text AS stored_present, a.known_mask::text AS stored_known,
                  a.protective_present, a.protective_known, a.risk_present, a.risk_known,
                  r.present_mask::text AS present, r.known_mask::text AS known, r.pp, r.pk, r.rp, r.rk, r.n
             FROM assessments a CROSS JOIN LATERAL (
               SELECT coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE af.state = 'present'), 0) AS present_mask,
                      coalesce(bit_or(1::bigint << f.bit) FILTER (WHERE af.state <> 'unknown'), 0) AS known_mask,
                      count(*) FILTER (WHERE f.kind = 'protective' AND af.state = 'present')::int AS pp,
                      count(*) FILTER (WHERE f.kind = 'protective' AND af.state <> 'unknown')::int AS pk,
                      count(*) FILTER (WHERE f.kind = 'risk' AND af.state = 'present')::int AS rp,
                      count(*) FILTER (WHERE f.kind = 'risk' AND af.state <> 'unknown')::int AS rk,
                      count(*)::int AS n
                 FROM assessment_factors af JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
                WHERE af.municipality_id = a.municipality_id AND af.assessment_id = a.id) r
            WHERE a.id = $1`,
          [assessment.id],
        );
        const r = rows[0];
        expect(r.n).toBe(factors.length);
        expect([r.stored_present, r.stored_known]).toEqual([r.present, r.known]);
        expect([r.protective_present, r.protective_known, r.risk_present, r.risk_known]).toEqual([
          r.pp,
          r.pk,
          r.rp,
          r.rk,
        ]);
        const kindOf = new Map(CURRENT_FACTORS.map((f) => [f.code, f.kind]));
        const count = (kind: string, known: boolean) =>
          factors.filter(
            (f) => kindOf.get(f.code) === kind && (known ? f.state !== 'unknown' : f.state === 'present'),
          ).length;
        expect([r.pp, r.pk, r.rp, r.rk]).toEqual([
          count('protective', false),
          count('protective', true),
          count('risk', false),
          count('risk', true),
        ]);
        const states = Object.fromEntries(factors.map((f) => [f.code, f.state]));
        for (const f of assessment.factors) {
          expect(f.state).toBe(states[f.code] ?? 'unknown');
        }
      }),
      { numRuns: 40 },
    );
  });
});

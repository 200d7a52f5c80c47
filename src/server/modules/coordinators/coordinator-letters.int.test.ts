import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { currentEnrolment } from '../../access/enrolment.ts';

let t: TTestApp;
let leader: TSession;

beforeAll(async () => {
  t = await startTestApp();
  leader = await t.login('unitLeader@demo.beskyt.test');
});
afterAll(() => t.close());

/** A child of the leader's unit with parents with custody and no coordinator yet. */
async function childWithParents(): Promise<{ id: string; parents: number }> {
  const { rows } = await t.db.pool.query(
    `SELECT c.id, (SELECT count(*)::int FROM child_guardians cg WHERE cg.child_id = c.id AND cg.has_custody) AS parents
       FROM children c
       JOIN enrolments e ON e.child_id = c.id AND ${currentEnrolment('e').text}
       JOIN role_assignments ra ON ra.unit_id = e.unit_id AND ra.user_id = $1 AND ra.role = 'unitLeader'
      WHERE NOT EXISTS (SELECT 1 FROM child_coordinators cc WHERE cc.child_id = c.id)
        AND (SELECT count(*) FROM child_guardians cg WHERE cg.child_id = c.id AND cg.has_custody) >= 1
      ORDER BY c.id LIMIT 1`,
    [leader.user.id],
  );
  return rows[0];
}

const lettersFor = async (childId: string) =>
  (
    await t.db.pool.query(
      `SELECT l.guardian_id, l.status::text, substring(l.pdf from 1 for 5) AS head
         FROM letters l WHERE l.child_id = $1 AND l.kind = 'coordinatorNamed' ORDER BY l.created_at`,
      [childId],
    )
  ).rows;

describe('naming a coordinator tells the parents', () => {
  it('queues a PDF letter to each parent with custody, once per naming, and audits it', async () => {
    const child = await childWithParents();
    const candidates = (
      await t.as(leader, 'GET', `/api/v1/children/${child.id}/coordinator-candidates`)
    ).json().items as { id: string }[];
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    const [first, second] = candidates as [{ id: string }, { id: string }];

    const named = await t.as(leader, 'PUT', `/api/v1/children/${child.id}/coordinator`, { userId: first.id });
    expect(named.statusCode, named.body).toBe(200);
    const letters = await lettersFor(child.id);
    expect(letters).toHaveLength(child.parents);
    for (const l of letters) expect(l.head.toString()).toBe('%PDF-');
    const { rows: audited } = await t.db.pool.query(
      "SELECT count(*)::int AS n FROM audit_events WHERE child_id = $1 AND entity = 'letter' AND action = 'create'",
      [child.id],
    );
    expect(audited[0].n).toBe(child.parents);

    // Recording when the parents were told, same coordinator: no second letter.
    const corrected = await t.as(leader, 'PUT', `/api/v1/children/${child.id}/coordinator`, {
      userId: first.id,
      parentsInformedOn: '2026-11-01',
      version: named.json().version,
    });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(await lettersFor(child.id)).toHaveLength(child.parents);

    // Another coordinator: the parents hear about the new one.
    const replaced = await t.as(leader, 'PUT', `/api/v1/children/${child.id}/coordinator`, {
      userId: second.id,
      version: corrected.json().version,
    });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(await lettersFor(child.id)).toHaveLength(2 * child.parents);
  });
});

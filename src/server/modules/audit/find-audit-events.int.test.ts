import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { ZAuditEvent } from '../../../shared/schemas/audit-views.ts';
import { ZPage } from '../../../shared/schemas/common.ts';

let t: TTestApp;
let professional: TSession;
let admin: TSession;

beforeAll(async () => {
  t = await startTestApp({ children: 30 });
  professional = await t.login('professional@demo.beskyt.test');
  admin = await t.login('admin@demo.beskyt.test');
});
afterAll(() => t.close());

describe('the admin’s audit log', () => {
  it('shows who read a child’s profile and revealed its CPR number, when, as what and why', async () => {
    const child = (await t.as(professional, 'GET', '/api/v1/children?pageSize=1')).json().items[0];
    const profile = await t.as(professional, 'GET', `/api/v1/children/${child.id}`);
    expect(profile.statusCode).toBe(200);
    const reason = 'Kontakt til sundhedsplejen om barnet';
    expect(
      (await t.as(professional, 'POST', `/api/v1/children/${child.id}/cpr-reveal`, { reason })).statusCode,
    ).toBe(200);

    const res = await t.as(admin, 'GET', `/api/v1/audit?childId=${child.id}&pageSize=100`);
    expect(res.statusCode).toBe(200);
    // The answer is the one the web app reads (src/shared/schemas/audit-views.ts).
    const { items, total } = ZPage(ZAuditEvent).parse(res.json());
    expect(total).toBe(items.length);
    const unitId = profile.json().relation.unitId;
    const byProfessional = items.filter((e) => e.userId === professional.user.id && e.entityId === child.id);
    expect(byProfessional).toContainEqual(
      expect.objectContaining({
        action: 'read',
        entity: 'child',
        childId: child.id,
        role: 'professional',
        purpose: `enrolment:${unitId}`,
        reason: null,
      }),
    );
    const reveal = byProfessional.find((e) => e.reason !== null);
    expect(reveal).toMatchObject({ childId: child.id, reason });
    // Newest first.
    const seqs = items.map((e) => e.seq);
    expect(seqs).toEqual(seqs.toSorted((a, b) => b - a));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import type { TPracticeCell } from '../../../domain/practice/practice-figures.ts';
import { ROLES } from '../../../shared/permissions.ts';
import { enforceConsentExpiry } from '../consents/enforce-consent-expiry.ts';
import { sendReminders } from '../my-work/send-reminders.ts';

/**
 * Consents, meetings, my work and practice analytics: endpoint × role, with the refusals — 401 without a
 * session, 403 without the permission (or, for a participant, without a basis for sharing), 404 without a
 * relation or from another municipality — and the bad input the issue names (400 naming the field).
 */
let t: TTestApp;
let leader: TSession;
let professional: TSession;
let caseworker: TSession;
let admin: TSession;
let analyst: TSession;
let naboLeader: TSession;
let schoolId: string;
let today: string;
const kids: { id: string; guardianId: string }[] = [];

const addDays = (iso: string, n: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const pickKid = (i: number) => {
  const k = kids[i];
  if (!k) throw new Error(`no test child ${i}`);
  return k;
};
const login = (role: string, domain = 'demo') => t.login(`${role}@${domain}.beskyt.test`);

beforeAll(async () => {
  t = await startTestApp({ children: 150 });
  [leader, professional, caseworker, admin, analyst, naboLeader] = await Promise.all([
    login('unitLeader'),
    login('professional'),
    login('caseworker'),
    login('admin'),
    login('analyst'),
    login('unitLeader', 'nabo'),
  ]);
  schoolId = leader.user.roles?.find((r) => r.unitId)?.unitId as string;
  const { rows } = await t.db.pool.query(
    `SELECT DISTINCT ON (e.child_id) e.child_id, cg.guardian_id, current_date::text AS today
       FROM enrolments e JOIN child_guardians cg ON cg.municipality_id = e.municipality_id AND cg.child_id = e.child_id AND cg.has_custody
      WHERE e.unit_id = $1 AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
        AND NOT EXISTS (SELECT 1 FROM meeting_items i WHERE i.child_id = e.child_id)
      ORDER BY e.child_id LIMIT 6`,
    [schoolId],
  );
  for (const r of rows) kids.push({ id: r.child_id, guardianId: r.guardian_id });
  today = rows[0].today;
}, 120_000);

afterAll(async () => {
  await t?.close();
});

const consentBody = (guardianId: string, over: Record<string, unknown> = {}) => ({
  guardianIds: [guardianId],
  infoKinds: ['concerns', 'wellbeing'],
  recipientProfessions: ['teacher', 'pedagogue'],
  recipientUnitIds: [],
  purpose: 'Tværfagligt møde om trivsel i skolen',
  signedOn: today,
  validFrom: today,
  validTo: addDays(today, 180),
  ...over,
});

async function newMeeting(session = leader, on = addDays(today, 7)) {
  const res = await t.as(session, 'POST', '/api/v1/meetings', {
    title: 'Tværfagligt møde',
    unitId: schoolId,
    meetingOn: on,
    participants: [
      { userId: professional.user.id, profession: 'teacher' },
      { userId: caseworker.user.id, profession: 'socialWorker' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('consents', () => {
  it('records a consent from a custodian, readable by adults with a relation, not by others', async () => {
    const kid = pickKid(0);
    const created = await t.as(
      leader,
      'POST',
      `/api/v1/children/${kid.id}/consents`,
      consentBody(kid.guardianId),
    );
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().status).toBe('valid');
    expect((await t.as(professional, 'GET', `/api/v1/children/${kid.id}/consents`)).statusCode).toBe(200);
    expect((await t.as(caseworker, 'GET', `/api/v1/children/${kid.id}/consents`)).statusCode).toBe(403);
    expect((await t.as(admin, 'GET', `/api/v1/children/${kid.id}/consents`)).statusCode).toBe(403);
    expect((await t.as(naboLeader, 'GET', `/api/v1/children/${kid.id}/consents`)).statusCode).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/children/${kid.id}/consents` })).statusCode,
    ).toBe(401);
    const audit = await t.db.pool.query(
      "SELECT 1 FROM audit_events WHERE entity = 'consent' AND action = 'create' AND child_id = $1",
      [kid.id],
    );
    expect(audit.rowCount).toBe(1);
  });

  it('refuses a consent that ends before it starts in the words of a consent, not of a round', async () => {
    const kid = pickKid(1);
    const res = await t.as(
      leader,
      'POST',
      `/api/v1/children/${kid.id}/consents`,
      consentBody(kid.guardianId, { validFrom: addDays(today, 30), validTo: addDays(today, 10) }),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.validTo).toBe('Samtykket kan ikke udløbe, før det gælder fra.');
    expect(res.json().error.fields.validTo).not.toMatch(/lukkedato|åbningsdato/);
  });

  it.each([
    ['no purpose', { purpose: '' }, 'purpose'],
    ['no recipients', { recipientProfessions: [], recipientUnitIds: [] }, 'recipients'],
    ['already expired', { validFrom: addDays('2020-01-01', 0), validTo: '2020-06-30' }, 'validTo'],
    ['no giver', { guardianIds: [] }, 'guardianIds'],
    ['a giver without custody', { guardianIds: ['00000000-0000-4000-8000-000000000001'] }, 'guardianIds'],
    ['no kinds of information', { infoKinds: [] }, 'infoKinds'],
  ])('refuses a consent with %s, naming the field, and writes nothing', async (_why, over, field) => {
    const kid = pickKid(1);
    const before = await t.db.pool.query('SELECT count(*)::int AS n FROM consents WHERE child_id = $1', [
      kid.id,
    ]);
    const res = await t.as(
      leader,
      'POST',
      `/api/v1/children/${kid.id}/consents`,
      consentBody(kid.guardianId, over),
    );
    expect(res.statusCode, res.body).toBe(400);
    expect(Object.keys(res.json().error.fields)).toContain(field);
    const after = await t.db.pool.query('SELECT count(*)::int AS n FROM consents WHERE child_id = $1', [
      kid.id,
    ]);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });
});

describe('meetings and the sharing rule', () => {
  it('lets only a leader create a meeting, for a unit they lead', async () => {
    const body = { title: 'Møde', unitId: schoolId, meetingOn: addDays(today, 3), participants: [] };
    expect((await t.as(professional, 'POST', '/api/v1/meetings', body)).statusCode).toBe(403);
    expect((await t.as(caseworker, 'POST', '/api/v1/meetings', body)).statusCode).toBe(403);
    const other = await t.as(naboLeader, 'POST', '/api/v1/meetings', body);
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields.unitId).toBeTruthy();
    const both = await t.as(leader, 'POST', '/api/v1/meetings', { ...body, districtId: schoolId });
    expect(both.statusCode).toBe(400);
    // The district of a unit the leader leads is a place for a meeting; another district is not.
    const { rows } = await t.db.pool.query(
      `SELECT u.district_id AS own, (SELECT d.id FROM districts d WHERE d.municipality_id = u.municipality_id
                                        AND d.id <> u.district_id LIMIT 1) AS other
         FROM units u WHERE u.id = $1`,
      [schoolId],
    );
    const { unitId: _unit, ...withoutUnit } = body;
    const district = await t.as(leader, 'POST', '/api/v1/meetings', {
      ...withoutUnit,
      districtId: rows[0].own,
    });
    expect(district.statusCode, district.body).toBe(201);
    expect(district.json().place).toMatchObject({ kind: 'district', id: rows[0].own });
    if (rows[0].other) {
      const other = await t.as(leader, 'POST', '/api/v1/meetings', {
        ...withoutUnit,
        districtId: rows[0].other,
      });
      expect(other.statusCode).toBe(400);
      expect(other.json().error.fields.districtId).toBeTruthy();
    }
  });

  it('opens a named child to a consent recipient, refuses a participant who is not one, hides it from others', async () => {
    const kid = pickKid(2);
    const consent = (
      await t.as(leader, 'POST', `/api/v1/children/${kid.id}/consents`, consentBody(kid.guardianId))
    ).json();
    const meetingId = await newMeeting();
    const added = await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
      kind: 'named',
      childId: kid.id,
      basis: 'consent',
      consentId: consent.id,
      topic: 'Trivsel og fravær',
    });
    expect(added.statusCode, added.body).toBe(201);
    const itemId = added.json().id;
    expect(
      (
        await t.as(professional, 'POST', `/api/v1/meetings/${meetingId}/items`, {
          kind: 'anonymous',
          topic: 'x',
        })
      ).statusCode,
    ).toBe(403);

    const read = await t.as(professional, 'GET', `/api/v1/meeting-items/${itemId}/child`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      basis: 'consent',
      consentId: consent.id,
      infoKinds: ['identity', 'concerns', 'wellbeing'],
    });
    expect(read.json().earlierMeetings).toBeNull();
    await t.audit.drain();
    const audited = await t.db.pool.query(
      "SELECT purpose FROM audit_events WHERE user_id = $1 AND child_id = $2 AND action = 'read' AND entity = 'child'",
      [professional.user.id, kid.id],
    );
    expect(audited.rows.map((r) => r.purpose)).toContain(`meeting:${meetingId}:consent:${consent.id}`);

    // The social worker takes part but is neither a recipient profession nor in a recipient unit.
    expect((await t.as(caseworker, 'GET', `/api/v1/meeting-items/${itemId}/child`)).statusCode).toBe(403);
    const seen = (await t.as(caseworker, 'GET', `/api/v1/meetings/${meetingId}`)).json();
    expect(seen.agenda[0]).toMatchObject({
      child: null,
      topic: null,
      minutes: null,
      access: { allowed: false, reason: 'notRecipient' },
    });
    expect(
      (
        await t.as(caseworker, 'PUT', `/api/v1/meeting-items/${itemId}/minutes`, {
          version: 1,
          worried: 'x',
          workingWell: '',
          nextSteps: '',
          scaling: 3,
          decisions: '',
          followUpOn: null,
        })
      ).statusCode,
    ).toBe(403);
    expect((await t.as(naboLeader, 'GET', `/api/v1/meeting-items/${itemId}/child`)).statusCode).toBe(404);
    expect((await t.as(naboLeader, 'GET', `/api/v1/meetings/${meetingId}`)).statusCode).toBe(404);
    expect((await t.as(admin, 'GET', `/api/v1/meetings/${meetingId}`)).statusCode).toBe(403);
    expect((await t.as(analyst, 'GET', `/api/v1/meeting-items/${itemId}/child`)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/meetings/${meetingId}` })).statusCode).toBe(
      401,
    );

    // Withdrawal ends the access at once and alerts the organiser.
    const withdrawn = await t.as(leader, 'POST', `/api/v1/consents/${consent.id}/withdraw`, {
      version: consent.version,
    });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect((await t.as(professional, 'GET', `/api/v1/meeting-items/${itemId}/child`)).statusCode).toBe(403);
    const alerts = await t.db.pool.query(
      "SELECT reason FROM alerts WHERE user_id = $1 AND kind = 'consentExpired'",
      [leader.user.id],
    );
    expect(alerts.rows.map((r) => r.reason.code)).toContain('consentWithdrawn');
    expect(
      (await t.as(leader, 'POST', `/api/v1/consents/${consent.id}/withdraw`, { version: consent.version }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses a named item without a basis that holds, and an expired consent, writing nothing', async () => {
    const kid = pickKid(3);
    const meetingId = await newMeeting();
    const { rows } = await t.db.pool.query(
      `INSERT INTO consents (municipality_id, child_id, guardian_ids, info_kinds, recipient_professions, purpose, signed_on,
                             valid_from, valid_to, created_by)
       SELECT municipality_id, id, ARRAY[$2::uuid], ARRAY['concerns'], ARRAY['teacher'], 'Gammelt samtykke', '2020-01-01',
              '2020-01-01', current_date - 1, $3 FROM children WHERE id = $1 RETURNING id`,
      [kid.id, kid.guardianId, leader.user.id],
    );
    const expired = await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
      kind: 'named',
      childId: kid.id,
      basis: 'consent',
      consentId: rows[0].id,
      topic: 'Trivsel',
    });
    expect(expired.statusCode).toBe(400);
    expect(expired.json().error.fields.consentId).toBeTruthy();
    const none = await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
      kind: 'named',
      childId: kid.id,
      basis: 'consent',
      topic: 'Trivsel',
    });
    expect(none.statusCode).toBe(400);
    const items = await t.db.pool.query(
      'SELECT count(*)::int AS n FROM meeting_items WHERE meeting_id = $1',
      [meetingId],
    );
    expect(items.rows[0].n).toBe(0);

    // The job marks it expired (idempotently).
    const first = await enforceConsentExpiry(t.db);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    const again = await enforceConsentExpiry(t.db);
    expect(again.expired).toBe(0);
    const k = await t.db.pool.query('SELECT expired_at FROM consents WHERE id = $1', [rows[0].id]);
    expect(k.rows[0].expired_at).not.toBeNull();
  });

  it('allows one meeting on the legal basis; a further one only with a recorded reason', async () => {
    const kid = pickKid(4);
    const first = await newMeeting();
    const second = await newMeeting(leader, addDays(today, 30));
    const item = { kind: 'named', childId: kid.id, basis: 'legalBasis', topic: 'Uro i klassen' };
    const ok = await t.as(leader, 'POST', `/api/v1/meetings/${first}/items`, item);
    expect(ok.statusCode, ok.body).toBe(201);
    // Every participant may see the child up to the meeting day, as far as the legal basis reaches.
    const read = await t.as(caseworker, 'GET', `/api/v1/meeting-items/${ok.json().id}/child`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({
      basis: 'legalBasis',
      infoKinds: ['identity', 'concerns'],
      wellbeing: null,
    });
    const again = await t.as(leader, 'POST', `/api/v1/meetings/${second}/items`, item);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields.followUpReason).toBeTruthy();
    const reasoned = await t.as(leader, 'POST', `/api/v1/meetings/${second}/items`, {
      ...item,
      followUpReason: 'Opfølgning på aftalte handlinger',
    });
    expect(reasoned.statusCode).toBe(201);
    // After the meeting day the legal basis no longer opens the child.
    await t.db.pool.query('UPDATE meetings SET meeting_on = current_date - 1 WHERE id = $1', [first]);
    expect((await t.as(caseworker, 'GET', `/api/v1/meeting-items/${ok.json().id}/child`)).statusCode).toBe(
      403,
    );
  });

  it('refuses a CPR number in an anonymous consultation and warns about a name', async () => {
    const meetingId = await newMeeting();
    const cpr = await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
      kind: 'anonymous',
      topic: 'Pige 120315-4122 trækker sig',
    });
    expect(cpr.statusCode).toBe(400);
    expect(cpr.json().error.fields.topic).toMatch(/CPR/);
    const named = await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
      kind: 'anonymous',
      topic: 'Vi taler om Emma Hansen, som trækker sig',
    });
    expect(named.statusCode).toBe(201);
    expect(named.json().warnings.nameLike).toEqual(['Emma Hansen']);
  });

  it('refuses a CPR number in the minutes or an action of an anonymous consultation, writing nothing', async () => {
    const meetingId = await newMeeting();
    const itemId = (
      await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
        kind: 'anonymous',
        topic: 'En dreng i 3. klasse trækker sig',
      })
    ).json().id;
    const written = async () =>
      (
        await t.db.pool.query(
          `SELECT i.version, (SELECT count(*)::int FROM meeting_actions a WHERE a.item_id = i.id) AS actions
             FROM meeting_items i WHERE i.id = $1`,
          [itemId],
        )
      ).rows[0];
    const before = await written();
    const minutes = await t.as(professional, 'PUT', `/api/v1/meeting-items/${itemId}/minutes`, {
      version: 1,
      worried: 'Trækker sig',
      workingWell: 'God kontakt',
      nextSteps: 'Drengen er 120315 4122, spørg PPR',
      scaling: 4,
      decisions: '',
      followUpOn: null,
    });
    expect(minutes.statusCode, minutes.body).toBe(400);
    expect(minutes.json().error.fields.nextSteps).toMatch(/CPR/);
    const action = await t.as(professional, 'POST', `/api/v1/meeting-items/${itemId}/actions`, {
      title: 'Ring om 1203154122',
      ownerId: professional.user.id,
      dueOn: addDays(today, 7),
    });
    expect(action.statusCode, action.body).toBe(400);
    expect(action.json().error.fields.title).toMatch(/CPR/);
    expect(await written()).toEqual(before);
  });
});

describe('minutes, actions, follow-up, my work', () => {
  it('writes minutes and actions, shows the owner the action, records the follow-up', async () => {
    const kid = pickKid(5);
    const consent = (
      await t.as(leader, 'POST', `/api/v1/children/${kid.id}/consents`, consentBody(kid.guardianId))
    ).json();
    const meetingId = await newMeeting(leader, today);
    const itemId = (
      await t.as(leader, 'POST', `/api/v1/meetings/${meetingId}/items`, {
        kind: 'named',
        childId: kid.id,
        basis: 'consent',
        consentId: consent.id,
        topic: 'Trivsel',
      })
    ).json().id;
    const minutes = {
      version: 1,
      worried: 'Trækker sig i frikvarteret',
      workingWell: 'God kontakt til en voksen',
      nextSteps: 'Samtale med forældrene',
      scaling: 4,
      decisions: 'Lærer og pædagog følger op',
      followUpOn: addDays(today, 42),
    };
    expect(
      (
        await t.as(professional, 'PUT', `/api/v1/meeting-items/${itemId}/minutes`, {
          ...minutes,
          followUpOn: today,
        })
      ).statusCode,
    ).toBe(400);
    const written = await t.as(professional, 'PUT', `/api/v1/meeting-items/${itemId}/minutes`, minutes);
    expect(written.statusCode, written.body).toBe(200);
    // The organiser is no recipient of this consent (professions teacher and pedagogue only).
    expect((await t.as(leader, 'PUT', `/api/v1/meeting-items/${itemId}/minutes`, minutes)).statusCode).toBe(
      403,
    );
    expect(
      (await t.as(professional, 'PUT', `/api/v1/meeting-items/${itemId}/minutes`, minutes)).statusCode,
    ).toBe(409);

    const url = `/api/v1/meeting-items/${itemId}/actions`;
    const noOwner = await t.as(professional, 'POST', url, {
      title: 'Ring til mor',
      dueOn: addDays(today, 7),
    });
    expect(noOwner.statusCode).toBe(400);
    expect(noOwner.json().error.fields.ownerId).toBeTruthy();
    const noDue = await t.as(professional, 'POST', url, {
      title: 'Ring til mor',
      ownerId: professional.user.id,
    });
    expect(noDue.statusCode).toBe(400);
    expect(noDue.json().error.fields.dueOn).toBeTruthy();
    const outsider = await t.as(professional, 'POST', url, {
      title: 'x',
      ownerId: admin.user.id,
      dueOn: today,
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().error.fields.ownerId).toBeTruthy();
    const action = await t.as(professional, 'POST', url, {
      title: 'Ring til mor',
      ownerId: professional.user.id,
      dueOn: addDays(today, 2),
    });
    expect(action.statusCode, action.body).toBe(201);

    const work = (await t.as(professional, 'GET', '/api/v1/my-work')).json();
    expect(work.actions.map((a: { id: string }) => a.id)).toContain(action.json().id);
    expect((await t.as(admin, 'GET', '/api/v1/my-work')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/my-work' })).statusCode).toBe(401);

    expect(await sendReminders(t.db)).toBeGreaterThan(0);
    const reminded = await t.db.pool.query(
      "SELECT reason FROM alerts WHERE user_id = $1 AND kind = 'reminder' AND reason->>'code' = 'actionDueSoon'",
      [professional.user.id],
    );
    expect(reminded.rowCount).toBeGreaterThan(0);
    const before = (await t.db.pool.query('SELECT count(*)::int AS n FROM alerts')).rows[0].n;
    await sendReminders(t.db);
    expect((await t.db.pool.query('SELECT count(*)::int AS n FROM alerts')).rows[0].n).toBe(before);

    // The caseworker takes part but may not move someone else's action.
    const patch = { version: 1, status: 'done' };
    expect(
      (await t.as(caseworker, 'PATCH', `/api/v1/meeting-actions/${action.json().id}`, patch)).statusCode,
    ).toBe(403);
    const done = await t.as(professional, 'PATCH', `/api/v1/meeting-actions/${action.json().id}`, patch);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', doneOn: today });

    const followUp = await t.as(professional, 'POST', `/api/v1/meeting-items/${itemId}/follow-up`, {
      version: 2,
      helped: 'partly',
      scalingAfter: 6,
    });
    expect(followUp.statusCode, followUp.body).toBe(200);
    const meeting = (await t.as(professional, 'GET', `/api/v1/meetings/${meetingId}`)).json();
    expect(meeting.agenda[0].followUp).toMatchObject({ helped: 'partly', scalingAfter: 6 });

    const profile = await t.as(professional, 'GET', `/api/v1/children/${kid.id}/meetings`);
    expect(profile.statusCode).toBe(200);
    expect(profile.json()[0]).toMatchObject({ meetingId, helped: 'partly' });
    const notShown = await t.as(caseworker, 'GET', `/api/v1/children/${kid.id}/meetings`);
    expect(notShown.statusCode).toBe(404);
    expect((await t.as(naboLeader, 'GET', `/api/v1/children/${kid.id}/meetings`)).statusCode).toBe(404);
  });
});

describe('practice analytics', () => {
  it('answers leaders and municipality readers, refuses others', async () => {
    for (const s of [leader, analyst]) {
      const res = await t.as(s, 'GET', '/api/v1/practice-analytics?groupBy=profession');
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await t.as(await login('caseworkManager'), 'GET', '/api/v1/practice-analytics')).statusCode).toBe(
      200,
    );
    for (const s of [professional, caseworker, admin])
      expect((await t.as(s, 'GET', '/api/v1/practice-analytics')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/practice-analytics' })).statusCode).toBe(401);
    const bad = await t.as(leader, 'GET', '/api/v1/practice-analytics?from=2027-05-01&to=2027-01-01');
    expect(bad.statusCode).toBe(400);
  });

  it('measures the days from a first concern to the meeting, hiding groups under five', async () => {
    // Five children of the school get a first concern on the day of the meeting that discusses them.
    const meetingId = await newMeeting(leader, today);
    for (const kid of kids.slice(0, 5)) {
      await t.db.pool.query(
        `INSERT INTO concerns (municipality_id, child_id, created_by, unit_id, profession, signs, description, level, action_text, created_at)
         SELECT municipality_id, id, $2, $3, 'pedagogue', ARRAY['withdrawn'], 'Trækker sig', 3, 'Tværfagligt møde',
                current_date::timestamptz FROM children WHERE id = $1`,
        [kid.id, professional.user.id, schoolId],
      );
      await t.db.pool.query(
        `INSERT INTO meeting_items (municipality_id, meeting_id, position, kind, child_id, basis, topic, created_by)
         SELECT municipality_id, $2, (SELECT coalesce(max(position), 0) + 1 FROM meeting_items WHERE meeting_id = $2),
                'named', id, 'legalBasis', 'Trivsel', $3 FROM children WHERE id = $1`,
        [kid.id, meetingId, leader.user.id],
      );
    }
    // The leader sees the one unit they lead: the unit's cell and the period's total are the same cases.
    const res = await t.as(
      leader,
      'GET',
      `/api/v1/practice-analytics?groupBy=unit&from=${today}&to=${today}`,
    );
    const cells = res.json().cells as {
      period: string;
      group: string | null;
      concerns: { n: number | null; toMeeting: { reached: number | null; medianDays: number | null } };
    }[];
    // Counted by whole periods: a range of one day answers for its whole quarter, the same cells as any
    // other range in that quarter, so no two answers differ by a few days' cases.
    const quarterStart = `${today.slice(0, 5)}${String(Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    expect(res.json().from).toBe(quarterStart);
    const wider = await t.as(
      leader,
      'GET',
      `/api/v1/practice-analytics?groupBy=unit&from=${quarterStart}&to=${today}`,
    );
    expect(wider.json().cells).toEqual(cells);
    const unit = cells.find((c) => c.group !== null);
    expect(unit?.concerns.toMeeting.reached).toBeGreaterThanOrEqual(5);
    // The quarter holds the demo's earlier concerns too, so the median is the quarter's, not these five's.
    expect(unit?.concerns.toMeeting.medianDays).toEqual(expect.any(Number));
    // Grouped by profession, the pedagogues' cell is hidden or shows at least five cases: never fewer.
    const byProfession = (await t.as(leader, 'GET', '/api/v1/practice-analytics?groupBy=profession')).json();
    for (const c of byProfession.cells as TPracticeCell[]) {
      expect(c.concerns.n === null || c.concerns.n >= 5).toBe(true);
      // A hidden figure says why; a shown share comes with its 95 % interval around it, a hidden one with none.
      if (c.concerns.n === null) expect(['primary', 'complementary']).toContain(c.hidden.concerns);
      else expect(c.hidden.concerns).toBeUndefined();
      if (c.actions.share === null) expect(c.ci95.actions).toBeNull();
      else {
        const [lo, hi] = c.ci95.actions ?? [2, -1];
        expect(lo).toBeLessThanOrEqual(c.actions.share + 0.001);
        expect(hi).toBeGreaterThanOrEqual(c.actions.share - 0.001);
      }
    }
    const xlsx = await t.as(leader, 'GET', '/api/v1/practice-analytics.xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('demo data', () => {
  it('holds consents in every state and meetings with minutes, actions in every status and follow-ups', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT (SELECT count(*)::int FROM consents WHERE withdrawn_at IS NOT NULL) AS withdrawn,
              (SELECT count(*)::int FROM consents WHERE expired_at IS NOT NULL) AS expired,
              (SELECT count(*)::int FROM consents WHERE withdrawn_at IS NULL AND valid_to >= current_date) AS valid,
              (SELECT count(DISTINCT status)::int FROM meeting_actions) AS action_statuses,
              (SELECT count(DISTINCT helped)::int FROM meeting_items WHERE helped IS NOT NULL) AS helped,
              (SELECT count(*)::int FROM meetings WHERE status = 'held') AS held,
              (SELECT count(*)::int FROM meetings WHERE status = 'planned') AS planned,
              (SELECT count(*)::int FROM meeting_items WHERE concern_id IS NOT NULL) AS linked`,
    );
    expect(rows[0]).toMatchObject({ action_statuses: 4, helped: 3 });
    for (const k of ['withdrawn', 'expired', 'valid', 'held', 'planned', 'linked'])
      expect(rows[0][k], k).toBeGreaterThan(0);
  });
});

describe('endpoint × role', () => {
  const PARTICIPANTS = new Set(['professional', 'unitLeader', 'caseworker']);
  const MEETING_READERS = new Set([...PARTICIPANTS, 'caseworkManager']);

  it('answers each role by its permission, and by its part in the meeting', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT mt.id AS meeting_id, i.id AS item_id, a.id AS action_id, a.owner_id
         FROM meetings mt JOIN meeting_items i ON i.meeting_id = mt.id AND i.kind = 'anonymous'
         JOIN meeting_actions a ON a.item_id = i.id
        WHERE mt.organiser_id = $1 AND mt.status = 'held' LIMIT 1`,
      [leader.user.id],
    );
    const { meeting_id: meetingId, item_id: itemId, action_id: actionId, owner_id: ownerId } = rows[0];
    const child = pickKid(0).id;
    for (const role of ROLES) {
      const s = await login(role);
      const expect403 = (allowed: boolean, ok: number) => (allowed ? ok : 403);
      const cases: [string, string, unknown, number][] = [
        ['GET', '/api/v1/meetings', undefined, expect403(MEETING_READERS.has(role), 200)],
        ['POST', '/api/v1/meetings', {}, expect403(role === 'unitLeader', 400)],
        ['GET', '/api/v1/meetings/concern-candidates', undefined, expect403(role === 'unitLeader', 200)],
        ['GET', '/api/v1/meetings/people', undefined, expect403(role === 'unitLeader', 200)],
        [
          'GET',
          `/api/v1/meetings/${meetingId}`,
          undefined,
          PARTICIPANTS.has(role) ? 200 : MEETING_READERS.has(role) ? 404 : 403,
        ],
        [
          'PUT',
          `/api/v1/meeting-items/${itemId}/minutes`,
          {
            version: 999,
            worried: '',
            workingWell: '',
            nextSteps: '',
            scaling: null,
            decisions: '',
            followUpOn: null,
          },
          PARTICIPANTS.has(role) ? 409 : MEETING_READERS.has(role) ? 404 : 403,
        ],
        [
          'PATCH',
          `/api/v1/meeting-actions/${actionId}`,
          { version: 999, status: 'done' },
          // Its owner and the organiser may move an action (here: a stale version); other participants may not.
          PARTICIPANTS.has(role)
            ? s.user.id === ownerId || role === 'unitLeader'
              ? 409
              : 403
            : MEETING_READERS.has(role)
              ? 404
              : 403,
        ],
        ['GET', '/api/v1/my-work', undefined, expect403(MEETING_READERS.has(role), 200)],
        [
          'GET',
          '/api/v1/practice-analytics',
          undefined,
          expect403(['unitLeader', 'caseworkManager', 'analyst'].includes(role), 200),
        ],
        [
          'GET',
          `/api/v1/children/${child}/consents`,
          undefined,
          expect403(['professional', 'unitLeader'].includes(role), 200),
        ],
        [
          'POST',
          `/api/v1/children/${child}/consents`,
          {},
          expect403(['professional', 'unitLeader'].includes(role), 400),
        ],
      ];
      for (const [method, url, body, status] of cases) {
        const res = await t.as(s, method, url, body);
        expect(res.statusCode, `${role} ${method} ${url}: ${res.body}`).toBe(status);
      }
    }
  });

  it('answers 404 to every role of another municipality for a Demo meeting, item and child', async () => {
    const { rows } = await t.db.pool.query(
      `SELECT i.meeting_id, i.id AS item_id, i.child_id FROM meeting_items i JOIN meetings mt ON mt.id = i.meeting_id
        WHERE mt.organiser_id = $1 AND i.kind = 'named' LIMIT 1`,
      [leader.user.id],
    );
    const r = rows[0];
    for (const role of ['professional', 'unitLeader', 'caseworker']) {
      const s = await login(role, 'nabo');
      for (const url of [
        `/api/v1/meetings/${r.meeting_id}`,
        `/api/v1/meeting-items/${r.item_id}/child`,
        `/api/v1/children/${r.child_id}/meetings`,
      ])
        expect((await t.as(s, 'GET', url)).statusCode, `${role} ${url}`).toBe(404);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';

let t: TTestApp;
let admin: TSession;

const factor = (code: string, themeCodes = ['test-tryghed']) => ({
  code,
  kind: 'protective',
  domain: 'peersLeisure',
  ageFrom: 6,
  ageTo: 17,
  labelDa: 'Organiseret fritidsaktivitet',
  labelEn: 'Organised leisure activity',
  descriptionDa: 'Barnet går til en fast fritidsaktivitet.',
  descriptionEn: 'The child takes part in a regular leisure activity.',
  evidenceNote: 'Aktiv fritid er en gennemgående beskyttelsesfaktor.',
  themeCodes,
});

beforeAll(async () => {
  t = await startTestApp({ children: 20 });
  admin = await t.login('admin@demo.beskyt.test');
  await t.db.pool.query(
    "INSERT INTO policy_themes (municipality_id, code, name_da, name_en) VALUES ($1, 'test-tryghed', 'Tryghed', 'Safety')",
    [admin.user.municipality.id],
  );
});
afterAll(() => t.close());

describe('factor catalogue', () => {
  let draftId: string;

  it('starts a draft as a copy of the latest published version', async () => {
    const before = await t.as(admin, 'GET', '/api/v1/factor-catalogues/current');
    const res = await t.as(admin, 'POST', '/api/v1/factor-catalogues/draft');
    expect(res.statusCode).toBe(201);
    const draft = res.json();
    expect(draft.status).toBe('draft');
    expect(draft.factors.length).toBe(before.statusCode === 200 ? before.json().factors.length : 0);
    draftId = draft.id;
    const again = await t.as(admin, 'POST', '/api/v1/factor-catalogues/draft');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('DRAFT_EXISTS');
  });

  it('adds a factor with its themes and names bad input', async () => {
    const ok = await t.as(
      admin,
      'POST',
      `/api/v1/factor-catalogues/${draftId}/factors`,
      factor('P-TESTFRITID'),
    );
    expect(ok.statusCode).toBe(201);
    const added = ok.json().factors.find((f: { code: string }) => f.code === 'P-TESTFRITID');
    expect(added.themeCodes).toEqual(['test-tryghed']);
    const dup = await t.as(
      admin,
      'POST',
      `/api/v1/factor-catalogues/${draftId}/factors`,
      factor('P-TESTFRITID'),
    );
    expect(dup.json().error.fields.code).toBe('Koden findes allerede i denne version.');
    const theme = await t.as(
      admin,
      'POST',
      `/api/v1/factor-catalogues/${draftId}/factors`,
      factor('P-ANDEN', ['findes-ikke']),
    );
    expect(theme.json().error.fields.themeCodes).toBe('Ukendt politiktema: findes-ikke.');
    const code = await t.as(admin, 'POST', `/api/v1/factor-catalogues/${draftId}/factors`, factor('lille'));
    expect(code.json().error.fields.code).toMatch(/store bogstaver/);
    const ages = await t.as(admin, 'POST', `/api/v1/factor-catalogues/${draftId}/factors`, {
      ...factor('P-ALDER'),
      ageFrom: 12,
      ageTo: 6,
    });
    expect(ages.json().error.fields.ageTo).toBeTruthy();
    const { rowCount } = await t.db.pool.query("SELECT 1 FROM factors WHERE code IN ('P-ANDEN', 'P-ALDER')");
    expect(rowCount).toBe(0);
  });

  it('publishes the draft, after which neither the API nor the database lets it change', async () => {
    const published = await t.as(admin, 'POST', `/api/v1/factor-catalogues/${draftId}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().status).toBe('published');
    const current = (await t.as(admin, 'GET', '/api/v1/factor-catalogues/current')).json();
    expect(current.id).toBe(draftId);
    const factorId = current.factors.find((f: { code: string }) => f.code === 'P-TESTFRITID').id;
    const patch = await t.as(admin, 'PATCH', `/api/v1/factor-catalogues/${draftId}/factors/${factorId}`, {
      labelDa: 'Nyt',
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error.code).toBe('CATALOGUE_PUBLISHED');
    await expect(
      t.db.pool.query("UPDATE factors SET label_da = 'Snyd' WHERE id = $1", [factorId]),
    ).rejects.toThrow(/published factor catalogue cannot change/);
    const { rows } = await t.db.pool.query('SELECT action FROM audit_events WHERE entity_id = $1', [draftId]);
    expect(rows.map((r) => r.action)).toEqual(['publish']);
  });

  it('copies factors, bits and themes into the next draft, where they can change', async () => {
    const next = (await t.as(admin, 'POST', '/api/v1/factor-catalogues/draft')).json();
    const copied = next.factors.find((f: { code: string }) => f.code === 'P-TESTFRITID');
    expect(copied.themeCodes).toEqual(['test-tryghed']);
    const patch = await t.as(admin, 'PATCH', `/api/v1/factor-catalogues/${next.id}/factors/${copied.id}`, {
      labelDa: 'Fritidsliv',
    });
    expect(patch.statusCode).toBe(200);
    const versions = (await t.as(admin, 'GET', '/api/v1/factor-catalogues')).json().items;
    expect(versions[0]).toMatchObject({ id: next.id, status: 'draft' });
    const removed = await t.as(admin, 'DELETE', `/api/v1/factor-catalogues/${next.id}/factors/${copied.id}`);
    expect(removed.json().factors.map((f: { code: string }) => f.code)).not.toContain('P-TESTFRITID');
  });

  it('lets a professional read the catalogue but not change it, and hides other municipalities’ versions', async () => {
    const professional = await t.login('professional@demo.beskyt.test');
    expect((await t.as(professional, 'GET', '/api/v1/factor-catalogues/current')).statusCode).toBe(200);
    expect((await t.as(professional, 'POST', '/api/v1/factor-catalogues/draft')).statusCode).toBe(403);
    const nabo = await t.login('admin@nabo.beskyt.test');
    expect((await t.as(nabo, 'GET', `/api/v1/factor-catalogues/${draftId}`)).statusCode).toBe(404);
    expect((await t.as(nabo, 'POST', `/api/v1/factor-catalogues/${draftId}/publish`)).statusCode).toBe(404);
  });
});

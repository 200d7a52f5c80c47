import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { decodeMeasurement, type TMeasurementWire } from '../../src/shared/measurement-wire';
import {
  ageToday,
  checkA11y,
  EXPECTATIONS,
  fillChildVoice,
  LOST_RELATIONS,
  me,
  setFactor,
  switchUser,
  type TProgressChild,
  type TWellbeing,
} from './assessment-steps';
import { apiLogin, demoUser } from './helpers';

/**
 * The whole chain in one go: two professionals make their own assessments of a child, one makes the joint
 * assessment, the unit leader's distribution counts it, and the analyst's dashboard moves and exports XLSX.
 */

interface TRound {
  id: string;
  name: string;
  status: string;
  period: string;
  catalogueId: string;
  units: { id: string; name: string }[];
}

const SECOND_PASSWORD = 'anden-fagperson-kaede';

/** n of the whole municipality's children with a joint assessment in the period, overall, per the API. */
async function municipalityN(page: Page, period: string): Promise<number> {
  const res = await page.request.get(`/api/v1/measurement?groupBy=period&themes=all&periods=${period}`);
  expect(res.status()).toBe(200);
  const rows = decodeMeasurement((await res.json()) as TMeasurementWire).rows;
  return rows[0]?.summary?.n ?? 0;
}

test('own assessments → joint assessment → the leader’s distribution → the analyst’s dashboard and XLSX', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // Where things stand: the professional's school, its open round, a child nobody has assessed.
  await apiLogin(page, demoUser('professional'));
  const professionalUnits = (await me(page)).user.roles
    .filter((r) => r.role === 'professional' && r.unitId)
    .map((r) => r.unitId as string);
  await switchUser(page, demoUser('unitLeader'));
  const schoolId = (await me(page)).user.roles.find((r) => r.role === 'unitLeader')?.unitId ?? '';
  expect(professionalUnits).toContain(schoolId);
  const before = (await (await page.request.get(`/api/v1/units/${schoolId}/wellbeing`)).json()) as TWellbeing;
  const rounds = ((await (await page.request.get('/api/v1/assessment-rounds')).json()) as { items: TRound[] })
    .items;
  const round = rounds.find((r) => r.status === 'open' && r.units.some((u) => u.id === schoolId));
  if (!round) throw new Error('the demo data has no open round for the school');
  const school = round.units.find((u) => u.id === schoolId)?.name ?? '';
  const progress = (await (
    await page.request.get(`/api/v1/assessment-rounds/${round.id}/progress?unitId=${schoolId}`)
  ).json()) as { children: TProgressChild[] };
  const child = progress.children.find(
    (c) => c.ownCount === 0 && !c.jointId && ageToday(c.birthDate) >= 6 && ageToday(c.birthDate) <= 16,
  );
  if (!child) throw new Error('every school child has been assessed already');
  const childName = `${child.firstName} ${child.lastName}`;
  await switchUser(page, demoUser('analyst'));
  const nBefore = await municipalityN(page, round.period);

  // A second professional in the same units.
  await switchUser(page, demoUser('admin'));
  const secondEmail = `e2e-kaede-${Date.now()}@demo.beskyt.test`;
  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': (await me(page)).csrfToken },
    data: {
      name: 'Kaj Kæde (e2e)',
      email: secondEmail,
      password: SECOND_PASSWORD,
      roles: professionalUnits.map((unitId) => ({ role: 'professional', unitId })),
    },
  });
  expect(created.status()).toBe(201);
  // A role that reaches children waits for a second person (issue 13): the school's leader confirms it.
  const pending = ((await created.json()) as { pendingRoles: { grantId: string; unitId: string }[] })
    .pendingRoles;
  await switchUser(page, demoUser('unitLeader'));
  const grantId = pending.find((g) => g.unitId === schoolId)?.grantId;
  const confirmed = await page.request.post(`/api/v1/role-grants/${grantId}/confirm`, {
    headers: { 'x-csrf-token': (await me(page)).csrfToken },
  });
  expect(confirmed.status()).toBe(200);
  const progressUrl = `/runder/${round.id}/enheder/${schoolId}`;

  // Professional 1: own assessment, green.
  await switchUser(page, demoUser('professional'));
  await page.goto(progressUrl);
  await page.getByRole('link', { name: `Lav egen vurdering af ${childName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Egen vurdering af ${childName}` })).toBeVisible();
  await page.getByRole('radio', { name: 'Grøn – trives' }).check();
  await setFactor(page, EXPECTATIONS, 'Til stede');
  await setFactor(page, LOST_RELATIONS, 'Ikke til stede');
  await fillChildVoice(page, child.birthDate, 'Glad for sin klasse.');
  await page.getByRole('button', { name: 'Gem egen vurdering' }).click();
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();
  await checkA11y(page);

  // Professional 2: own assessment, yellow.
  await switchUser(page, secondEmail, SECOND_PASSWORD);
  await page.goto(progressUrl);
  await page.getByRole('link', { name: `Lav egen vurdering af ${childName}` }).click();
  await page.getByRole('radio', { name: 'Gul – øget opmærksomhed' }).check();
  await setFactor(page, EXPECTATIONS, 'Til stede');
  await setFactor(page, LOST_RELATIONS, 'Til stede');
  await page.getByRole('button', { name: 'Gem egen vurdering' }).click();
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();

  // Professional 1: the joint assessment, yellow.
  await switchUser(page, demoUser('professional'));
  await page.goto(progressUrl);
  await page.getByRole('link', { name: `Lav fælles vurdering af ${childName}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Fælles vurdering af ${childName}` }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Gul – øget opmærksomhed' }).check();
  await setFactor(page, LOST_RELATIONS, 'Til stede');
  await fillChildVoice(page, child.birthDate, 'Savner en ven.');
  await page.getByRole('button', { name: 'Gem fælles vurdering' }).click();
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();
  await checkA11y(page);

  // Four more of the school's children come in through an import of another tool's green/yellow/red file,
  // so the period has enough children for its figures to be shown (fewer than 5 are hidden).
  const rest = (
    (await (
      await page.request.get(`/api/v1/assessment-rounds/${round.id}/progress?unitId=${schoolId}`)
    ).json()) as { children: TProgressChild[] }
  ).children
    // Children the parameter counts: 0–17 on the day (an older pupil has no age band).
    .filter((c) => c.ownCount === 0 && !c.jointId && c.id !== child.id && ageToday(c.birthDate) <= 16)
    .slice(0, 4);
  expect(rest.length).toBe(4);
  const csrf = (await me(page)).csrfToken;
  // With a factor column: a file of positions alone carries no protective share, so it would not count.
  const catalogue = (await (
    await page.request.get(`/api/v1/factor-catalogues/${round.catalogueId}`)
  ).json()) as { factors: { code: string; labelDa: string }[] };
  const code = catalogue.factors.find((f) => f.labelDa.startsWith(EXPECTATIONS))?.code;
  if (!code) throw new Error(`no factor "${EXPECTATIONS}" in the round's catalogue`);
  const lines = [`cpr;date;position;${code}`];
  for (const c of rest) {
    const revealed = await page.request.post(`/api/v1/children/${c.id}/cpr-reveal`, {
      headers: { 'x-csrf-token': csrf },
      data: { reason: 'Import af vurderinger fra andet værktøj (e2e)' },
    });
    expect(revealed.status()).toBe(200);
    lines.push(
      `${((await revealed.json()) as { cpr: string }).cpr};${new Date().toISOString().slice(0, 10)};grøn;til stede`,
    );
  }
  const imported = await page.request.post('/api/v1/assessment-imports?wait=true', {
    headers: { 'x-csrf-token': csrf },
    data: {
      roundId: round.id,
      format: 'csv',
      fileName: 'andet-vaerktoej.csv',
      content: Buffer.from(`${lines.join('\r\n')}\r\n`).toString('base64'),
      mode: 'joint',
    },
  });
  expect(imported.status(), await imported.text()).toBe(201);

  // The leader's distribution counts the joint assessment: one more yellow child (and the four green).
  await switchUser(page, demoUser('unitLeader'));
  await page.goto(`/enheder/${schoolId}/trivsel`);
  await expect(page.getByRole('heading', { level: 1, name: `Trivsel i ${school}` })).toBeVisible();
  await expect(page.getByTestId('count-latest-total')).toHaveText(String((before.latest?.total ?? 0) + 5));
  await expect(page.getByTestId('count-latest-yellow')).toHaveText(
    String((before.latest?.counts.yellow ?? 0) + 1),
  );
  await checkA11y(page);

  // The analyst's dashboard: five more children in the period (shown now if hidden before), on screen as
  // in the API.
  await switchUser(page, demoUser('analyst'));
  const nAfter = await municipalityN(page, round.period);
  if (nBefore > 0) expect(nAfter).toBe(nBefore + 5);
  else expect(nAfter).toBeGreaterThanOrEqual(5);
  await page.goto('/maaling');
  await expect(page.getByRole('heading', { level: 1, name: 'Måleparameter' })).toBeVisible();
  const trend = page.getByRole('table', { name: 'Beskyttelsesandel pr. tema og periode' });
  const [year, half] = round.period.split('H');
  const row = trend
    .getByRole('row')
    .filter({ hasText: 'Alle beskyttelsesfaktorer' })
    .filter({ hasText: `${half}. halvår ${year}` });
  await expect(row.getByRole('cell').nth(1)).toHaveText(new Intl.NumberFormat('da-DK').format(nAfter));
  await checkA11y(page);

  // The export is a real workbook with the same figures.
  const exportTrend = page.getByRole('group', { name: 'Eksportér udviklingen pr. tema' });
  const downloading = page.waitForEvent('download');
  await exportTrend.getByRole('link', { name: 'Eksportér XLSX' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^maaleparameter-.*\.xlsx$/);
  const bytes = await readFile((await download.path()) ?? '');
  expect(bytes.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('the workbook has no sheet');
  const header = (sheet.getRow(1).values as unknown[]).filter(Boolean).map(String);
  expect(header).toEqual(expect.arrayContaining(['Tema', 'Periode', 'n', 'Beskyttelsesandel (gns.)']));
  const nColumn = header.indexOf('n') + 1;
  const periodColumn = header.indexOf('Periode') + 1;
  const themeColumn = header.indexOf('Tema') + 1;
  let exported: unknown = null;
  sheet.eachRow((r, i) => {
    if (
      i > 1 &&
      r.getCell(themeColumn).value === 'Alle beskyttelsesfaktorer' &&
      r.getCell(periodColumn).value === `${half}. halvår ${year}`
    )
      exported = r.getCell(nColumn).value;
  });
  expect(exported).toBe(nAfter);
});

import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

interface TMe {
  user: { roles: { role: string; unitId: string | null }[] };
  csrfToken: string;
}
interface TRound {
  id: string;
  name: string;
  status: string;
  opensOn: string;
  units: { id: string; name: string }[];
}
interface TProgressChild {
  id: string;
  ownCount: number;
  jointId: string | null;
}

async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

/** Children of the unit nobody has assessed in the round yet, with their CPR numbers (revealed, audited). */
async function unassessed(page: Page, round: TRound, unitId: string, count: number) {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as TMe;
  const progress = (await (
    await page.request.get(`/api/v1/assessment-rounds/${round.id}/progress?unitId=${unitId}`)
  ).json()) as { children: TProgressChild[] };
  const children = progress.children.filter((c) => c.ownCount === 0 && !c.jointId).slice(-count);
  expect(children.length).toBe(count);
  const cprs: string[] = [];
  for (const child of children) {
    const res = await page.request.post(`/api/v1/children/${child.id}/cpr-reveal`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { reason: 'Import af vurderinger fra andet værktøj (e2e)' },
    });
    expect(res.status()).toBe(200);
    cprs.push(((await res.json()) as { cpr: string }).cpr);
  }
  return cprs;
}

/** Through the file chooser, as a user picks a file. */
async function chooseFile(page: Page, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Fil (CSV eller XLSX)' }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await expect(page.getByRole('button', { name: 'Fil (CSV eller XLSX)' })).toContainText(name);
}

async function joints(page: Page, round: TRound, unitId: string): Promise<number> {
  const progress = (await (
    await page.request.get(`/api/v1/assessment-rounds/${round.id}/progress?unitId=${unitId}`)
  ).json()) as { children: TProgressChild[] };
  return progress.children.filter((c) => c.jointId).length;
}

test('a professional imports a green/yellow/red file: a bad row stops the whole file, the corrected file goes in', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await apiLogin(page, demoUser('professional'));
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as TMe;
  const units = new Set(me.user.roles.map((r) => r.unitId));
  const rounds = ((await (await page.request.get('/api/v1/assessment-rounds')).json()) as { items: TRound[] })
    .items;
  const round = rounds.find((r) => r.status === 'open' && r.units.some((u) => units.has(u.id)));
  if (!round) throw new Error('the demo data has no open round for the professional');
  const unitId = round.units.find((u) => units.has(u.id))?.id ?? '';
  const cprs = await unassessed(page, round, unitId, 2);
  const today = new Date().toISOString().slice(0, 10);
  const before = await joints(page, round, unitId);

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Import fra andet værktøj' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Importér vurderinger' })).toBeVisible();
  await expect(page.getByText(/Hele filen eller intet/)).toBeVisible();
  await checkA11y(page);

  // A file with one unreadable row: nothing is saved, and the report names the row and the column.
  const bad = `cpr;date;position\r\n${cprs[0]};${today};grøn\r\n${cprs[1]};${today};lilla\r\n`;
  await page.getByLabel('Runde').selectOption({ label: round.name });
  await chooseFile(page, 'vurderinger.csv', bad);
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Intet er importeret' })).toBeVisible();
  const report = page.getByRole('table', { name: 'Fejl i filen, række for række' });
  const badRow = report.getByRole('row').filter({ hasText: 'position' });
  await expect(badRow).toContainText('3');
  await expect(page.getByRole('progressbar', { name: 'Importens fremdrift' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  await checkA11y(page);
  expect(await joints(page, round, unitId)).toBe(before);

  // The corrected file: both children get a joint assessment.
  await page.getByRole('button', { name: 'Importér en anden fil' }).click();
  await page.getByLabel('Runde').selectOption({ label: round.name });
  await chooseFile(page, 'rettet.csv', bad.replace('lilla', 'gul'));
  await page.getByRole('button', { name: 'Importér', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Importen er færdig' })).toBeVisible();
  await expect(page.getByText('2 fælles vurderinger er gemt fra rettet.csv.')).toBeVisible();
  expect(await joints(page, round, unitId)).toBe(before + 2);
  await checkA11y(page);

  // English follows the language switch.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Import assessments' })).toBeVisible();
  await page.getByRole('button', { name: 'Dansk' }).click();
});

test('the import page is not offered to an analyst', async ({ page }) => {
  await apiLogin(page, demoUser('analyst'));
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Hovedmenu' })
      .getByRole('link', { name: 'Import fra andet værktøj' }),
  ).toHaveCount(0);
});

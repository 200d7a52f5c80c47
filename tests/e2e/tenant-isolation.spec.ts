import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser, naboUser, PASSWORD, type TChildRow } from './helpers';

test('a professional in Nabo Kommune cannot find or open a Demo Kommune child', async ({
  page,
  playwright,
  baseURL,
}) => {
  const demo = await playwright.request.newContext({ baseURL });
  expect(
    (
      await demo.post('/api/v1/auth/login', { data: { email: demoUser('professional'), password: PASSWORD } })
    ).status(),
  ).toBe(200);
  const list = (await (await demo.get('/api/v1/children?pageSize=1')).json()) as { items: TChildRow[] };
  const child = list.items[0];
  if (!child) throw new Error('the demo data has no child for the Demo professional');
  await demo.dispose();
  const name = `${child.firstName} ${child.lastName}`;

  await apiLogin(page, naboUser('professional'));
  await page.goto('/boern');
  await expect(page.getByRole('banner')).toContainText('Nabo Kommune');
  await page.getByRole('searchbox', { name: 'Søg' }).fill(name);
  const searched = page.waitForResponse(
    (r) => r.url().includes('/api/v1/children?') && r.url().includes('q='),
  );
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  const found = (await (await searched).json()) as { items: TChildRow[]; total: number };
  expect(found.items.map((c) => c.id)).not.toContain(child.id);
  await expect(page.getByRole('status')).toHaveText(
    found.total === 1 ? '1 barn fundet' : `${found.total} børn fundet`,
  );
  // Synthetic names may repeat across municipalities; what must never appear is the Demo child itself.
  await expect(page.locator(`a[href="/boern/${child.id}"]`)).toHaveCount(0);
  const rows = page.getByRole('table').getByRole('rowheader');
  for (const link of await rows.getByRole('link').all()) {
    await expect(link).not.toHaveAttribute('href', `/boern/${child.id}`);
  }
  await expectNoA11yViolations(page);

  await page.goto(`/boern/${child.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Barnet blev ikke fundet' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  await expect(page).toHaveTitle('Barnet blev ikke fundet – Beskyt');
  await expectNoA11yViolations(page);
});

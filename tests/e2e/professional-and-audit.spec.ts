import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser, logoutViaUi, PASSWORD } from './helpers';

test('a professional reads a child and reveals the CPR number; the admin sees it in the audit log but not the child', async ({
  page,
}) => {
  // The login form, once; other tests log in through the API.
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByLabel('E-mail').fill(demoUser('professional'));
  await page.getByRole('textbox', { name: 'Adgangskode', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Velkommen/ })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Demo Kommune');
  await expectNoA11yViolations(page);

  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Børn', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Børn' })).toBeVisible();
  await expect(page).toHaveTitle('Børn – Beskyt');
  const firstChild = page.getByRole('table').getByRole('rowheader').first().getByRole('link');
  const childName = ((await firstChild.textContent()) ?? '').trim();

  await page.getByRole('searchbox', { name: 'Søg' }).fill(childName);
  const searched = page.waitForResponse(
    (r) => r.url().includes('/api/v1/children?') && r.url().includes('q='),
  );
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  expect((await searched).status()).toBe(200);
  const result = page.getByRole('table').getByRole('link', { name: childName, exact: true });
  await expect(result.first()).toBeVisible();
  await expectNoA11yViolations(page);

  await result.first().click();
  await expect(page.getByRole('heading', { level: 1, name: childName })).toBeVisible();
  await expect(page).toHaveTitle(`${childName} – Beskyt`);
  const childId = new URL(page.url()).pathname.split('/').pop() ?? '';
  expect(childId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 3, name: 'Indskrivninger' })).toBeVisible();
  await expect(page.getByTestId('cpr-value')).toHaveText(/^\d{6}-xxxx$/);
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Vis CPR-nummer' });
  await dialog.getByLabel('Begrundelse').fill('Kontakt til sundhedsplejen om en henvisning');
  await expectNoA11yViolations(page);
  await dialog.getByRole('button', { name: 'Vis CPR-nummer' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('cpr-value')).toHaveText(/^\d{6}-\d{4}$/);

  await logoutViaUi(page);

  await apiLogin(page, demoUser('admin'));
  await page.goto('/admin/revisionslog');
  await expect(page.getByRole('heading', { level: 1, name: 'Revisionslog' })).toBeVisible();
  // A name is not an id: said at the field, not as a general error.
  await page.getByLabel('Barnets id').fill('Emma Hansen');
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page.getByText('Er ikke et barns id.', { exact: false })).toBeVisible();
  await expect(page.getByText('Der opstod en fejl')).toHaveCount(0);
  await page.getByLabel('Barnets id').fill(childId);
  await page.getByLabel('Bruger').selectOption({ label: `Pia Pædagog (demo) (${demoUser('professional')})` });
  await page.getByRole('button', { name: 'Filtrér' }).click();
  await expect(page).toHaveURL(new RegExp(`childId=${childId}`));
  await expect(page).toHaveURL(/userId=/);
  const events = page.getByRole('table').getByRole('row');
  const professionalRead = events.filter({ hasText: 'Pia Pædagog' }).filter({ hasText: 'Læst' });
  await expect(professionalRead.first()).toBeVisible();
  await expect(professionalRead.first()).toContainText(childId);
  // Purposes, actions and objects in words: no internal names or ids of teams.
  await expect(page.getByRole('table')).not.toContainText(/\b(list|intake|enrolment)\b|team: [0-9a-f]{8}/);
  await expect(events.filter({ hasText: 'Vist CPR-nummer' }).first()).toBeVisible();
  // The first CSV opens as a table in Danish Excel: semicolons between the cells.
  const csvLink = page.getByRole('link', { name: 'Eksportér CSV til Excel' });
  await expect(csvLink).toHaveAttribute('href', new RegExp(`format=csv&csv=excel-da.*childId=${childId}`));
  const csv = await page.request.get((await csvLink.getAttribute('href')) ?? '');
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const body = await csv.text();
  expect(body).toContain(childId);
  expect(body.split('\r\n')[0]).toContain(';');
  await expectNoA11yViolations(page);

  // The admin manages users and units; child data is not theirs to read.
  const adminNav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(adminNav.getByRole('link', { name: 'Revisionslog' })).toBeVisible();
  await expect(adminNav.getByRole('link', { name: 'Børn', exact: true })).toHaveCount(0);
  await page.goto(`/boern/${childId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
  await expect(page.getByText(childName)).toHaveCount(0);
  await expect(page.getByText(/\d{6}-(xxxx|\d{4})/)).toHaveCount(0);
  const direct = await page.request.get(`/api/v1/children/${childId}`);
  expect(direct.status()).toBe(403);
  await expectNoA11yViolations(page);

  await logoutViaUi(page);
});

import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { demoUser, PASSWORD } from './helpers';

/** Signs in through the API in this browser (cookies replaced). */
async function signIn(page: Page, role: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: demoUser(role), password: PASSWORD },
  });
  expect(response.status(), `login as ${role}`).toBe(200);
}

async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

test('the leader sees the demo meetings with their history, and a participant without consent sees no child', async ({
  page,
}) => {
  await signIn(page, 'unitLeader');
  await page.goto('/moeder');
  await expect(page.getByRole('heading', { level: 1, name: 'Tværfaglige møder' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tværfaglige møder' }).getByRole('row')).not.toHaveCount(1);
  await checkA11y(page);
  // The list shows the held meetings once their answer is in (not the upcoming ones still on screen).
  const heldList = page.waitForResponse((r) => r.url().includes('/api/v1/meetings?scope=past') && r.ok());
  await page.locator('label', { hasText: 'Afholdte' }).click();
  await heldList;
  // A demo meeting held before today: other tests may have held one of their own today.
  const today = new Intl.DateTimeFormat('da-DK', { day: '2-digit', month: '2-digit', year: 'numeric' })
    .format(new Date())
    .replaceAll('/', '.');
  const held = page
    .getByRole('table', { name: 'Tværfaglige møder' })
    .getByRole('row')
    .filter({ hasNot: page.getByText(today) })
    .getByRole('link')
    .first();
  await held.click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dagsorden' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: /anonym sparring/ }).first()).toBeVisible();
  await checkA11y(page);

  // The caseworker takes part as social worker; a consent naming teachers and pedagogues only keeps the child hidden.
  const meetingUrl = page.url();
  await signIn(page, 'caseworker');
  await page.goto(meetingUrl);
  await expect(page.getByRole('heading', { level: 2, name: 'Dagsorden' })).toBeVisible();
  // The held meeting's child discussed on the legal basis is closed to every participant after the meeting day.
  await expect(page.getByRole('heading', { level: 3, name: /navngivet barn/ }).first()).toBeVisible();
  await expect(page.getByText('Mødet er holdt; lovhjemlen er brugt').first()).toBeVisible();
  await checkA11y(page);
});

test('My work, practice analytics and the child’s consents are accessible', async ({ page }) => {
  await signIn(page, 'professional');
  await page.goto('/mit-arbejde');
  await expect(page.getByRole('heading', { level: 1, name: 'Mit arbejde' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Mine åbne handlinger/ })).toBeVisible();
  await checkA11y(page);

  await signIn(page, 'unitLeader');
  await page.goto('/praksis');
  await expect(page.getByRole('heading', { level: 1, name: /Praksis/ })).toBeVisible();
  // Each figure a chart whose every row states its figure in words: value, interval and n, or why it is hidden.
  const onTime = page.getByRole('region', { name: 'Handlinger udført til tiden' });
  await expect(onTime).toBeVisible();
  const rows = onTime.locator('.practice-row');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const text of await rows.allInnerTexts())
    expect(text).toMatch(
      /\d+\s%\s\(95\s%-interval\s\d+,\d–\d+,\d\s%; n = \d+\)|skjult, n < 5|skjult for at beskytte en anden celle/,
    );
  await expect(onTime.getByText(/95\s%-interval .*; n = \d+/).first()).toBeVisible();
  const toAction = page.getByRole('region', { name: /første handling \(median\)/ });
  await expect(toAction.getByText(/dage \(n = \d+\)|skjult/).first()).toBeVisible();
  await expect(page.getByText('(n=–)')).toHaveCount(0);
  await checkA11y(page);
  // The same figures as a table, for screen readers and exact reading.
  await page.getByText('Vis alle tal som tabel').click();
  await expect(page.getByRole('table', { name: /Praksis/ })).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('Opdel efter').selectOption('profession');
  await expect(page.getByRole('columnheader', { name: 'Faggruppe' })).toBeVisible();
  await checkA11y(page);

  await page.goto('/moeder/ny');
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt tværfagligt møde' })).toBeVisible();
  await checkA11y(page);
});

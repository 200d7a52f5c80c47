import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { demoUser, PASSWORD } from './helpers';

async function signIn(page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: demoUser(who), password: PASSWORD },
  });
  expect(response.status(), `login as ${who}`).toBe(200);
}

async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

test('a leader reads whether an offer helps — chart with its table — and records a decision; axe-clean', async ({
  page,
}) => {
  await signIn(page, 'unitLeader');
  await page.goto('/tilbud/laering');
  await expect(page.getByRole('heading', { level: 1, name: 'Virker tilbuddene?' })).toBeVisible();
  // Only the page's own item is current, not the catalogue it lies under.
  const nav = page.getByRole('navigation').first();
  await expect(nav.getByRole('link', { name: 'Virker tilbuddene?' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Tilbud', exact: true })).not.toHaveAttribute(
    'aria-current',
    'page',
  );
  const offer = page.getByRole('region', { name: 'Familieven' });
  await expect(offer.getByRole('img', { name: /Ændring i beskyttelsesandel for Familieven/ })).toBeVisible();
  const table = offer.getByRole('table', { name: 'Ændring i beskyttelsesandel for Familieven' });
  await expect(table.getByRole('rowheader', { name: 'Alle beskyttende faktorer' })).toBeVisible();
  // The small offer's figures are withheld.
  const small = page.getByRole('region', { name: 'Forældretelefonen' });
  await expect(small.getByRole('row').nth(1)).toContainText('Skjult (færre end 5 børn)');
  await checkA11y(page);

  await offer.getByLabel('Beslutning').selectOption({ label: 'Justér' });
  await offer.getByLabel('Begrundelse').fill('Flere familier skal nås; vi justerer mødetiderne.');
  await offer.getByRole('button', { name: 'Gem beslutning' }).click();
  await expect(offer.getByText('Flere familier skal nås; vi justerer mødetiderne.')).toBeVisible();
  await expect(offer.getByText(/^Justér – /)).toBeVisible();
  await checkA11y(page);
});

test('the capacity overview shows full offers, long waits and declines per kind and district; axe-clean', async ({
  page,
}) => {
  await signIn(page, 'caseworkManager');
  await page.goto('/tilbud/kapacitet');
  await expect(page.getByRole('heading', { level: 1, name: 'Kapacitet og ventetid' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Fulde tilbud' })).toBeVisible();
  await expect(
    page.getByRole('heading', { level: 2, name: 'Afvist på grund af manglende plads' }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByLabel('Lang ventetid fra (dage)').fill('5');
  await checkA11y(page);
});

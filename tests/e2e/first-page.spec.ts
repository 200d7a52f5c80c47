import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

/** No page of the first screen may scroll sideways on a phone (issue 14, item 5). */
async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const waiting = (page: Page) => page.getByRole('region', { name: 'Det venter på dig' });

test('a professional’s first page says what needs them today, and each item leads to where it is done', async ({
  page,
}) => {
  await apiLogin(page, demoUser('professional'));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: /^Velkommen/ })).toBeVisible();
  const panel = waiting(page);
  await expect(panel.getByRole('link', { name: /mangler din vurdering i den åbne runde/ })).toBeVisible();
  await expect(panel.getByText('Haster').first()).toBeVisible();
  await expectNoA11yViolations(page);
  await panel
    .getByRole('link', { name: /handlinger? (er|har)/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/mit-arbejde$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('a caseworker sees the intake and the cases’ deadlines, and reaches the overdue cases in one click', async ({
  page,
}) => {
  await apiLogin(page, demoUser('caseworker'));
  await page.goto('/');
  const panel = waiting(page);
  await expect(panel.getByRole('link', { name: /underretning/ }).first()).toBeVisible();
  await expect(page.getByText('Din rolle giver endnu ikke adgang')).toHaveCount(0);
  await expectNoA11yViolations(page);
  await panel.getByRole('link', { name: /over en lovbestemt frist/ }).click();
  await expect(page).toHaveURL(/\/sager\?overdue=/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('an analyst sees the newest protective share with its interval and n, an admin a setup checklist', async ({
  page,
}) => {
  await apiLogin(page, demoUser('analyst'));
  await page.goto('/');
  const figure = page.getByRole('region', { name: 'Måleparameteren lige nu' });
  await expect(figure).toContainText(/\d+,\d\s%/);
  await expect(figure).toContainText(/n = \d+ børn/);
  await expectNoA11yViolations(page);

  await apiLogin(page, demoUser('admin'));
  await page.goto('/');
  const setup = page.getByRole('region', { name: 'Kom godt i gang' });
  await expect(setup.getByRole('link', { name: 'Opret kommunens enheder' })).toBeVisible();
  await expect(setup.getByText('Klar').first()).toBeVisible();
  await expectNoA11yViolations(page);
});

test('a partner sees the referrals waiting for an answer; a reviewer is told what the page will hold', async ({
  page,
}) => {
  await apiLogin(page, demoUser('partner'));
  await page.goto('/');
  await waiting(page)
    .getByRole('link', { name: /venter på jeres svar/ })
    .click();
  await expect(page).toHaveURL(/\/henvisninger$/);

  await apiLogin(page, demoUser('reviewer'));
  await page.goto('/');
  await expect(waiting(page)).toContainText('Intet venter på dig lige nu');
  await expectNoA11yViolations(page);
});

test('the first page fits a phone: no sideways scrolling at 390 px', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const role of ['professional', 'caseworker', 'analyst', 'admin']) {
    await apiLogin(page, demoUser(role));
    await page.goto('/');
    await expect(waiting(page)).toBeVisible();
    await expectNoSidewaysScroll(page);
  }
});

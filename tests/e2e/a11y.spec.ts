import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser, firstVisibleChild } from './helpers';

test.describe('every page passes axe (WCAG 2.1 AA)', () => {
  test('login page and its error state', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
    await expect(page).toHaveTitle('Log ind – Beskyt');
    await expectNoA11yViolations(page);

    await page.getByLabel('E-mail').fill('nobody@demo.beskyt.test');
    await page.getByRole('textbox', { name: 'Adgangskode', exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByText('Der opstod en fejl')).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('pages of a professional', async ({ page }) => {
    await apiLogin(page, demoUser('professional'));
    const child = await firstVisibleChild(page);

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Velkommen');
    await expectNoA11yViolations(page);

    await page.goto('/boern');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.goto(`/boern/${child.id}`);
    await expect(
      page.getByRole('heading', { level: 1, name: `${child.firstName} ${child.lastName}` }),
    ).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.getByRole('dialog').getByRole('button', { name: 'Vis CPR-nummer' }).click();
    await expect(page.getByText('Begrundelsen skal være mellem 5 og 500 tegn.')).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('pages of an admin', async ({ page }) => {
    await apiLogin(page, demoUser('admin'));

    await page.goto('/admin/brugere');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'Opret bruger' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.keyboard.press('Escape');

    await page.goto('/admin/enheder');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.getByRole('button', { name: 'Opret enhed' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoA11yViolations(page);
    await page.keyboard.press('Escape');

    await page.goto('/admin/revisionslog');
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoA11yViolations(page);

    await page.goto('/boern');
    await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
    await expectNoA11yViolations(page);
  });

  test('not found page', async ({ page }) => {
    await page.goto('/findes-ikke');
    await expect(page.getByRole('heading', { level: 1, name: 'Siden blev ikke fundet' })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

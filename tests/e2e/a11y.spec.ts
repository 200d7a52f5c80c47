import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser, firstVisibleChild } from './helpers';

test.describe('every page passes axe (WCAG 2.1 AA)', () => {
  // The server's CSP allows no inline script; a violation would mean part of the app silently not running.
  const cspViolations: string[] = [];
  test.beforeEach(({ page }) => {
    cspViolations.length = 0;
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
  });
  test.afterEach(() => {
    expect(cspViolations).toEqual([]);
  });

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

  test('the skip link is the first stop for the keyboard and leads to the main content', async ({ page }) => {
    await apiLogin(page, demoUser('professional'));
    await page.goto('/boern');
    await expect(page.getByRole('heading', { level: 1, name: 'Børn' })).toBeVisible();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Gå til indhold' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
  });

  test('not found page', async ({ page }) => {
    await page.goto('/findes-ikke');
    await expect(page.getByRole('heading', { level: 1, name: 'Siden blev ikke fundet' })).toBeVisible();
    await expectNoA11yViolations(page);
  });
});

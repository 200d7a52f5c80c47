import { expect, test } from '@playwright/test';
import { apiLogin, demoUser, PASSWORD } from './helpers';

test('an ended session leads to the login page and back to where the user was', async ({ page }) => {
  await apiLogin(page, demoUser('unitLeader'));
  await page.goto('/boern');
  await expect(page.getByRole('heading', { level: 1, name: 'Børn' })).toBeVisible();

  await page.context().clearCookies({ name: 'beskyt_session' });
  await page.getByRole('searchbox', { name: 'Søg' }).fill('a');
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();

  await page.getByLabel('E-mail').fill(demoUser('unitLeader'));
  await page.getByRole('textbox', { name: 'Adgangskode', exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Børn' })).toBeVisible();
  await expect(page).toHaveURL(/\/boern$/);
});

test('a page that needs a session sends a visitor to the login page', async ({ page }) => {
  await page.goto('/admin/revisionslog');
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await expect(page).toHaveURL(/\/login\?redirect=/);
});

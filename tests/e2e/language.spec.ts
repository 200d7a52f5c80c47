import { expect, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

test('the English switch changes the UI and the server’s login error', async ({ page }) => {
  await page.goto('/login');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Sign in – Beskyt');
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'beskyt_lang')?.value).toBe('en');

  await page.getByLabel('Email').fill('nobody-en@demo.beskyt.test');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Wrong e-mail or password.')).toBeVisible();
  await expectNoA11yViolations(page);

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByText('Forkert e-mail eller adgangskode.')).toBeVisible();
});

test('a signed-in user’s switch is saved on the server and follows them to the next session', async ({
  page,
}) => {
  // A user no other test relies on, since the saved language outlives the session.
  await apiLogin(page, demoUser('reviewer'));
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Forside' })).toBeVisible();

  const saved = page.waitForRequest((r) => r.url().endsWith('/api/v1/auth/locale') && r.method() === 'PUT');
  await page.getByRole('button', { name: 'English' }).click();
  expect((await saved).postDataJSON()).toEqual({ locale: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectNoA11yViolations(page);

  // Without the cookie, the saved choice decides.
  await page.context().clearCookies({ name: 'beskyt_lang' });
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Velkommen/ })).toBeVisible();
});

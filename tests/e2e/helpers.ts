import { expect, type Page } from '@playwright/test';

export const PASSWORD = 'beskyt-demo';

export const demoUser = (role: string) => `${role}@demo.beskyt.test`;
export const naboUser = (role: string) => `${role}@nabo.beskyt.test`;

/** Logs in through the API (faster than the form; the form has its own test) and opens a page. */
export async function apiLogin(page: Page, email: string): Promise<void> {
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password: PASSWORD } });
  expect(response.status(), `login as ${email}`).toBe(200);
}

export async function logoutViaUi(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Log ind' })).toBeVisible();
}

export interface TChildRow {
  id: string;
  firstName: string;
  lastName: string;
}

/** A child the given (logged-in) page's user can see, read through the API. */
export async function firstVisibleChild(page: Page): Promise<TChildRow> {
  const response = await page.request.get('/api/v1/children?pageSize=1');
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: TChildRow[] };
  const child = body.items[0];
  if (!child) throw new Error('the demo data has no child visible to this user');
  return child;
}

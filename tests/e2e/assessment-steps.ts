import { expect, type Page } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, PASSWORD } from './helpers';

/** Steps the assessment specs share: who is signed in, switching user, and filling the assessment form. */
export interface TMe {
  user: { id: string; roles: { role: string; unitId: string | null; unitName: string | null }[] };
  csrfToken: string;
}
export interface TProgressChild {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  ownCount: number;
  jointId: string | null;
}
export interface TWellbeing {
  latest: { round: { id: string }; total: number; counts: Record<'green' | 'yellow' | 'red', number> } | null;
}

export const EXPECTATIONS = 'Voksnes positive forventninger';
export const LOST_RELATIONS = 'Tab af nære relationer';

export async function me(page: Page): Promise<TMe> {
  const response = await page.request.get('/api/v1/auth/me');
  expect(response.status()).toBe(200);
  return (await response.json()) as TMe;
}

export async function switchUser(page: Page, email: string, password = PASSWORD): Promise<void> {
  await page.context().clearCookies();
  if (password === PASSWORD) return apiLogin(page, email);
  const response = await page.request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status(), `login as ${email}`).toBe(200);
}

/**
 * axe on the page as it rests: the pointer is moved off what was last clicked (the menu's active item
 * under the pointer has a hover colour axe would judge instead).
 */
export async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

export function ageToday(birthDate: string): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const now = new Date();
  let age = now.getFullYear() - y;
  if (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d)) age -= 1;
  return age;
}

/** The child's own voice, the way the form asks for it at the child's age. */
export async function fillChildVoice(page: Page, birthDate: string, words: string): Promise<void> {
  const age = ageToday(birthDate);
  if (age < 6) {
    await page.getByLabel('Hvad de voksne har observeret').fill(words);
  } else if (age <= 12) {
    const question = page.getByRole('group', { name: 'Hvordan har du det i skolen?' });
    await question.getByRole('radio', { name: 'Glad', exact: true }).check();
    await page.getByLabel('Barnets egne ord (valgfrit)').fill(words);
  } else {
    await page.getByLabel('Den unges egne ord').fill(words);
    await page
      .getByRole('group', { name: 'Hvordan har du det alt i alt?' })
      .getByRole('radio', { name: '7' })
      .check();
  }
}

export async function setFactor(page: Page, factor: string, state: string, reason?: string): Promise<void> {
  const group = page.getByRole('group', { name: new RegExp(`^${factor}`) });
  await group.getByRole('radio', { name: state, exact: true }).check();
  if (reason) await group.getByLabel('Kort begrundelse (valgfri)').fill(reason);
}

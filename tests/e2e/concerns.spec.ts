import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { demoUser, PASSWORD } from './helpers';

interface TSession {
  csrfToken: string;
  user: { id: string; roles: { role: string; unitId: string | null }[] };
}
interface TChild {
  id: string;
  firstName: string;
  lastName: string;
}

/** Signs in through the API in this browser (cookies replaced) and answers the CSRF token. */
async function signIn(page: Page, role: string): Promise<TSession> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: demoUser(role), password: PASSWORD },
  });
  expect(response.status(), `login as ${role}`).toBe(200);
  return (await response.json()) as TSession;
}

async function recordViaApi(page: Page, session: TSession, body: Record<string, unknown>): Promise<void> {
  const response = await page.request.post('/api/v1/concerns', {
    data: body,
    headers: { 'x-csrf-token': session.csrfToken },
  });
  expect(response.status(), await response.text()).toBe(201);
}

/** A child of the test's own, registered by the leader in their school: no demo concern or alert touches it. */
async function registerChild(
  page: Page,
  leader: TSession,
  schoolId: string,
  lastName: string,
): Promise<TChild> {
  for (;;) {
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
    const cpr = `${day}${month}16-${4000 + Math.floor(Math.random() * 6000)}`;
    const response = await page.request.post('/api/v1/children', {
      data: { firstName: 'Ella', lastName, cpr, unitId: schoolId, fromDate: '2025-08-01' },
      headers: { 'x-csrf-token': leader.csrfToken },
    });
    if (response.status() === 201) return { id: (await response.json()).id, firstName: 'Ella', lastName };
    expect(response.status(), await response.text()).toBe(409);
  }
}

/** axe on the page at rest, with the pointer off whatever was clicked last. */
async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

test('a pedagogue records a concern with the handleguide; the rule alerts the unit leader', async ({
  page,
}) => {
  // A child in the school the demo leader leads, with no concerns yet.
  const leader = await signIn(page, 'unitLeader');
  const schoolId = leader.user.roles.find((r) => r.role === 'unitLeader')?.unitId as string;
  const child = await registerChild(page, leader, schoolId, `Bekymring ${Date.now() % 100000}`);
  const name = `${child.firstName} ${child.lastName}`;
  // Two earlier concerns from two professions: the leader's and (below) the teacher's.
  await recordViaApi(page, leader, {
    childId: child.id,
    signs: ['withdrawn'],
    description: 'Sidder alene i frikvartererne.',
    level: 2,
    actionCode: 'talkWithParents',
  });
  const professional = await signIn(page, 'professional');
  await recordViaApi(page, professional, {
    childId: child.id,
    unitId: schoolId,
    signs: ['unconcentrated'],
    description: 'Falder i søvn i timerne.',
    level: 1,
    actionCode: 'observeInUnit',
  });

  // The professional opens the child and records the third concern through the form.
  await page.goto(`/boern/${child.id}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Bekymringer' })).toBeVisible();
  await expect(page.getByText('Falder i søvn i timerne.')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: 'Registrér bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Registrér bekymring om ${name}` })).toBeVisible();
  await expect(page.getByText('Vælg tegn for at se handleguidens forslag.')).toBeVisible();

  // An acute sign leaves notification only, and says so.
  await page.getByRole('checkbox', { name: 'Tegn på vold (akut)' }).check();
  await expect(page.getByText('Akut: underret myndigheden nu')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Tværfagligt møde', exact: true })).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Tegn på vold (akut)' }).uncheck();

  await page.getByRole('checkbox', { name: 'Indadvendt, trækker sig' }).check();
  await page.getByRole('checkbox', { name: 'Begyndende fravær' }).check();
  await page
    .getByRole('textbox', { name: /Beskriv, hvad du har set og hørt/ })
    .fill('Har været væk tre mandage i træk og siger næsten ingenting i klassen.');
  // The handleguide's suggestions for the chosen signs, by level, with guidance.
  await expect(
    page.getByRole('heading', { name: 'Niveau 3: Tværfagligt møde eller anonym sparring' }),
  ).toBeVisible();
  await expect(
    page.getByText('Registrér fraværet og kontakt hjemmet allerede første dag.', { exact: false }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByRole('radio', { name: 'Tværfagligt møde', exact: true }).check();
  await page.getByRole('button', { name: 'Gem bekymring' }).click();

  // Back on the profile, the concern is on the timeline with the action chosen.
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Har været væk tre mandage i træk', { exact: false })).toBeVisible();
  await expect(page.getByText('Valgt handling: Tværfagligt møde')).toBeVisible();

  // Three concerns from two professions within 60 days: the unit leader has an alert saying why.
  await signIn(page, 'unitLeader');
  await page.goto('/advarsler');
  await expect(page.getByRole('heading', { level: 1, name: 'Advarsler' })).toBeVisible();
  const alert = page
    .getByRole('listitem')
    .filter({ hasText: name })
    .filter({ hasText: 'bekymringer fra 2 faggrupper' });
  await expect(alert).toHaveCount(1);
  await expect(alert).toContainText('3 bekymringer fra 2 faggrupper (Leder, Lærer) inden for 60 dage');
  await checkA11y(page);
  await alert.getByRole('button', { name: 'Markér som læst' }).click();
  await expect(alert.getByText('Læst', { exact: true })).toBeVisible();

  // The leader's list of concerns shows the level-3 concern waiting for a meeting.
  await page.goto('/bekymringer?level=3');
  await expect(page.getByRole('heading', { level: 1, name: 'Bekymringer fra mine enheder' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Tværfagligt møde');
  await checkA11y(page);
});

test('an anonymous concern warns about a CPR number and is refused with it', async ({ page }) => {
  await signIn(page, 'professional');
  await page.goto('/bekymringer/ny');
  await expect(page.getByRole('heading', { level: 1, name: 'Registrér anonym bekymring' })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Følelsesmæssigt ude af balance' }).check();
  await page
    .getByRole('textbox', { name: /Beskriv, hvad du har set og hørt/ })
    .fill('Drengen 010215-1235 er ked af det.');
  await expect(
    page.getByText('Teksten ser ud til at indeholde et CPR-nummer.', { exact: false }),
  ).toBeVisible();
  await page.getByRole('radio', { name: 'Anonym sparring', exact: true }).check();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Gem bekymring' }).click();
  await expect(
    page.getByText('En anonym bekymring må ikke indeholde et CPR-nummer', { exact: false }),
  ).toBeVisible();
  await page
    .getByRole('textbox', { name: /Beskriv, hvad du har set og hørt/ })
    .fill('En dreng i 3. klasse er ofte ked af det.');
  await page.getByRole('button', { name: 'Gem bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bekymringer fra mine enheder' })).toBeVisible();
  await expect(page.getByText('Anonym', { exact: true }).first()).toBeVisible();
  await checkA11y(page);
});

test('the coordinator overview, the handleguide and the early-warning rules are axe-clean', async ({
  page,
}) => {
  await signIn(page, 'professional');
  await page.goto('/mine-boern');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine koordinatorbørn' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await checkA11y(page);
  await signIn(page, 'admin');
  await page.goto('/admin/handleguide');
  await expect(page.getByRole('heading', { level: 1, name: 'Handleguide' })).toBeVisible();
  await page.getByRole('button', { name: 'Redigér Begyndende fravær' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Luk' }).click();
  await page.goto('/admin/advarselsregler');
  await expect(
    page.getByRole('heading', { level: 2, name: 'Flere bekymringer fra flere faggrupper' }),
  ).toBeVisible();
  await checkA11y(page);
});

test('a unit leader names a child’s coordinator and records that the parents were told', async ({ page }) => {
  const leader = await signIn(page, 'unitLeader');
  const schoolId = leader.user.roles.find((r) => r.role === 'unitLeader')?.unitId as string;
  const child = await registerChild(page, leader, schoolId, `Koordinator ${Date.now() % 100000}`);
  await page.goto(`/boern/${child.id}`);
  await expect(page.getByText('Barnet har ingen navngiven koordinator.')).toBeVisible();
  await page.getByRole('button', { name: 'Udpeg koordinator' }).click();
  const dialog = page.getByRole('dialog', { name: 'Barnets koordinator' });
  await expect(dialog).toBeVisible();
  const select = dialog.getByRole('combobox', { name: /Koordinator/ });
  const pia = await select.locator('option', { hasText: 'Pia Pædagog' }).first().getAttribute('value');
  await select.selectOption(pia as string);
  await dialog.getByRole('textbox', { name: /Forældrene fik besked den/ }).fill('2026-01-15');
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Koordinatoren er gemt.')).toBeVisible();
  await expect(page.getByText('Forældrene fik det at vide den 15.01.2026.', { exact: false })).toBeVisible();
  await checkA11y(page);
});

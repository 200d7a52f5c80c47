import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

interface TMe {
  user: { id: string; name: string };
}

async function me(page: Page): Promise<TMe> {
  const response = await page.request.get('/api/v1/auth/me');
  expect(response.status()).toBe(200);
  return (await response.json()) as TMe;
}

async function switchUser(page: Page, email: string): Promise<void> {
  await page.context().clearCookies();
  await apiLogin(page, email);
}

async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

/**
 * The casework flow in Chromium: a caseworker opens a case for a child, records the child conversation and
 * a § 32 measure, and writes barnets plan with a goal tied to protective factors and the child's wishes;
 * then the caseworker leaves — the manager confirms the proposed reassignment and the family's letter
 * appears in the outbox as a PDF. Every page on the way is checked with axe.
 */
test('a case is opened, a plan with goals is written, the caseworker leaves and the family’s letter is in the outbox', async ({
  page,
}) => {
  // A child with a parent with custody, found through a professional's enrolment relation.
  await apiLogin(page, demoUser('professional'));
  const children = (await (await page.request.get('/api/v1/children?pageSize=50')).json()) as {
    items: { id: string; firstName: string; lastName: string }[];
  };
  let child: { id: string; firstName: string; lastName: string } | undefined;
  for (const c of children.items) {
    const profile = (await (await page.request.get(`/api/v1/children/${c.id}`)).json()) as {
      guardians: { hasCustody: boolean }[];
    };
    if (profile.guardians.some((g) => g.hasCustody)) {
      child = c;
      break;
    }
  }
  if (!child) throw new Error('no demo child with a parent with custody');

  await switchUser(page, demoUser('caseworker'));
  const caseworker = await me(page);
  await page.goto('/sager');
  await expect(page.getByRole('heading', { level: 1, name: 'Sager' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible();
  await checkA11y(page);

  // From a notification the intake has matched to a child (one the demo has not opened a case from), else
  // directly for the child found above.
  const queue = (await (await page.request.get('/api/v1/notifications?status=all&pageSize=100')).json()) as {
    items: { id: string; decision: string | null; child: { id: string | null; matched: boolean } }[];
  };
  const fromNotification = queue.items.find(
    (n) => n.child.matched && n.child.id && n.decision !== 'childAssessment' && n.child.id !== child?.id,
  );
  if (fromNotification) await page.goto(`/sager?notificationId=${fromNotification.id}`);
  else await page.getByRole('button', { name: 'Opret sag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret sag' });
  if (fromNotification)
    await expect(dialog.getByLabel('Underretningens id (valgfri)')).toHaveValue(fromNotification.id);
  else await dialog.getByLabel('Barnets id').fill(child.id);
  await dialog.getByLabel('Rådgiver').selectOption(caseworker.user.id);
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Opret sag' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Sag S-/ })).toBeVisible();
  const caseId = new URL(page.url()).pathname.split('/').pop() as string;
  const opened = (await (await page.request.get(`/api/v1/cases/${caseId}`)).json()) as {
    child: { id: string; firstName: string; lastName: string };
    notification: { id: string } | null;
  };
  expect(opened.notification?.id ?? null).toBe(fromNotification?.id ?? null);
  child = opened.child;
  await expect(
    page.getByText(`${child.firstName} ${child.lastName}`, { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Frister' })).toBeVisible();
  await checkA11y(page);

  // § 8 before the decision, then a § 32 measure.
  await page.getByLabel('Hvad sagde barnet?').fill('Barnet vil gerne have en voksen at tale med.');
  await page.getByRole('button', { name: 'Registrér samtale' }).click();
  await expect(page.getByText(/Holdt — Barnet vil gerne have en voksen at tale med/)).toBeVisible();
  await page.getByLabel('Indsats', { exact: true }).fill('Kontaktperson');
  await page.getByRole('button', { name: 'Tilføj indsats' }).click();
  await expect(page.getByText(/Kontaktperson \(§ 32 støtte\)/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Barnets plan (§ 91)' })).toBeVisible();

  // A plan without goals is refused, naming the problem; with a goal and its protective factors it is saved.
  await page.getByRole('button', { name: /^(Barnets plan|Ungeplan)$/ }).click();
  await page.getByLabel('Barnets egne ønsker').fill('Jeg vil gerne gå til fodbold igen.');
  await page.getByRole('button', { name: 'Fjern mål 1' }).click();
  await page.getByRole('button', { name: 'Gem planen' }).click();
  await expect(page.getByText('En plan skal have mindst ét konkret mål.')).toBeVisible();
  await page.getByRole('button', { name: 'Tilføj mål' }).click();
  await page.getByLabel('Mål 1: hvad skal være anderledes?').fill('Går til fodbold hver uge');
  const factors = page.getByRole('group', { name: /Beskyttelsesfaktorer, målet skal styrke \(mål 1\)/ });
  await factors.getByRole('checkbox').first().check();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Gem planen' }).click();
  await expect(page.getByText(/Går til fodbold hver uge/)).toBeVisible();
  await expect(page.getByText('Jeg vil gerne gå til fodbold igen.')).toBeVisible();
  await expect(page.getByText(/Planen blev gemt/)).toBeVisible();
  await checkA11y(page);

  // The caseworker leaves: the manager confirms the proposal; the family gets a letter.
  await switchUser(page, demoUser('caseworkManager'));
  await page.goto('/raadgiverskifte');
  await expect(page.getByRole('heading', { level: 1, name: 'Rådgiverskifte' })).toBeVisible();
  await page.getByLabel('Rådgiveren, der stopper').selectOption(caseworker.user.id);
  await checkA11y(page);
  await page.getByRole('button', { name: 'Lav forslag' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `${caseworker.user.name} stopper` }),
  ).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Bekræft og send breve' }).click();
  await expect(page.getByRole('progressbar', { name: 'Fremdrift' })).toBeVisible();
  await expect(
    page.getByText(/^Færdig: \d+ sager er flyttet, og \d+ breve er lagt i udbakken\.$/),
  ).toBeVisible({
    timeout: 30_000,
  });
  await checkA11y(page);

  await page.getByRole('link', { name: 'Se brevene i udbakken' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Breve til borgere' })).toBeVisible();
  const subject = `Du har fået en ny rådgiver i sagen om ${child.firstName}`;
  const row = page.getByRole('row').filter({ hasText: subject }).first();
  await expect(row).toBeVisible();
  const link = row.getByRole('link', { name: new RegExp(`^PDF: ${subject}`) });
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the letter has no PDF link');
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await checkA11y(page);
});

test('the deadline view and process compliance are readable and axe-clean', async ({ page }) => {
  await apiLogin(page, demoUser('caseworkManager'));
  await page.goto('/frister');
  await expect(page.getByRole('heading', { level: 1, name: 'Frister' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Pr. rådgiver' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Sager med overskredet frist' })).toBeVisible();
  await checkA11y(page);
  await page.goto('/overholdelse?from=2020-01-01&to=2035-12-31');
  await expect(page.getByRole('heading', { level: 1, name: 'Overholdelse af frister' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Hele kommunen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Hent som Excel (XLSX)' })).toBeVisible();
  await checkA11y(page);
});

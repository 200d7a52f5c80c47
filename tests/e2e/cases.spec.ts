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
  // Opened from the list, the case is chosen by the notification's reference and child — no raw ids — and
  // given to the user, aware from the day the notification was received (which may not be left empty).
  if (fromNotification) await page.goto(`/sager?notificationId=${fromNotification.id}`);
  else await page.getByRole('button', { name: 'Opret sag' }).click();
  const dialog = page.getByRole('dialog', { name: 'Opret sag' });
  await expect(dialog.getByLabel(/id/i)).toHaveCount(0);
  if (fromNotification) await expect(dialog.getByText(/^Fra underretning U-/)).toBeVisible();
  else {
    const choice = dialog.getByLabel('Underretning');
    const first = await choice.locator('option').nth(1).getAttribute('value');
    await choice.selectOption(first ?? '');
  }
  await expect(dialog.getByLabel('Rådgiver')).toHaveValue(caseworker.user.id);
  const aware = dialog.getByLabel(/Kommunen blev opmærksom den/);
  await expect(aware).not.toHaveValue('');
  const awareOn = await aware.inputValue();
  await aware.fill('');
  await dialog.getByRole('button', { name: 'Opret sag' }).click();
  await expect(dialog.getByText('Skriv, hvornår kommunen blev opmærksom.')).toBeVisible();
  await aware.fill(awareOn);
  await checkA11y(page);
  await dialog.getByRole('button', { name: 'Opret sag' }).click();

  await expect(page.getByRole('heading', { level: 1, name: /^Sag S-/ })).toBeVisible();
  const caseId = new URL(page.url()).pathname.split('/').pop() as string;
  const opened = (await (await page.request.get(`/api/v1/cases/${caseId}`)).json()) as {
    child: { id: string; firstName: string; lastName: string };
    notification: { id: string } | null;
  };
  if (fromNotification) expect(opened.notification?.id).toBe(fromNotification.id);
  if (!opened.notification) throw new Error('the case was not opened from a notification');
  child = opened.child;
  await expect(
    page.getByText(`${child.firstName} ${child.lastName}`, { exact: false }).first(),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Frister' })).toBeVisible();
  await checkA11y(page);

  // The notification now links to its case, and a second try at opening one points there too.
  const reference = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
    /^Sag /,
    '',
  );
  await page.goto(`/underretninger/${opened.notification.id}`);
  await expect(page.getByRole('link', { name: `Gå til sag ${reference}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /Åbn en sag/ })).toHaveCount(0);
  await page.goto(`/sager?notificationId=${opened.notification.id}`);
  const again = page.getByRole('dialog', { name: 'Opret sag' });
  await again.getByRole('link', { name: new RegExp(`gå til sag ${reference}`) }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Sag ${reference}` })).toBeVisible();

  // § 8 before the decision, then a § 32 measure, each recorded in a drawer with one submit. A held
  // conversation without what the child said, or dated in the future, is refused before anything is sent.
  await page.getByRole('button', { name: 'Registrér samtale' }).click();
  const talk = page.getByRole('dialog', { name: 'Registrér samtale' });
  await expect(talk.getByLabel('Dato')).not.toHaveValue('');
  await talk.getByRole('button', { name: 'Registrér samtale' }).click();
  await expect(
    talk.getByText('Skriv, hvad barnet fortalte – eller hvorfor barnet ikke sagde noget.'),
  ).toBeVisible();
  await talk.getByLabel('Hvad sagde barnet?').fill('Barnet vil gerne have en voksen at tale med.');
  const heldToday = await talk.getByLabel('Dato').inputValue();
  await talk.getByLabel('Dato').fill('2099-12-20');
  await talk.getByRole('button', { name: 'Registrér samtale' }).click();
  await expect(talk.getByText(/Datoen må ikke ligge i fremtiden/)).toBeVisible();
  await checkA11y(page);
  await talk.getByLabel('Dato').fill(heldToday);
  await talk.getByRole('button', { name: 'Registrér samtale' }).click();
  await expect(talk).toHaveCount(0);
  await expect(page.getByText(/Holdt — Barnet vil gerne have en voksen at tale med/)).toBeVisible();

  // A measure's start is not assumed to be today: it must be given.
  await page.getByRole('button', { name: 'Tilføj indsats' }).click();
  const measure = page.getByRole('dialog', { name: 'Tilføj indsats' });
  await measure.getByRole('textbox', { name: 'Indsats', exact: true }).fill('Kontaktperson');
  await expect(measure.getByLabel('Start')).toHaveValue('');
  await measure.getByRole('button', { name: 'Tilføj indsats' }).click();
  await expect(measure.getByText('Skal udfyldes.')).toBeVisible();
  await measure.getByLabel('Start').fill(heldToday);
  await measure.getByRole('button', { name: 'Tilføj indsats' }).click();
  await expect(measure).toHaveCount(0);
  await expect(page.getByText(/Kontaktperson \(§ 32 støtte\)/)).toBeVisible();
  await expect(page.getByRole('cell', { name: 'Barnets plan (§ 91)' })).toBeVisible();

  // Completing the § 20 assessment cannot be undone: it asks first, and cancelling changes nothing.
  await page.getByRole('button', { name: 'Afslut undersøgelsen' }).click();
  const assessment = page.getByRole('dialog', { name: 'Afslut undersøgelsen' });
  await assessment.getByLabel('Konklusion').fill('Barnet har brug for en fast voksen i skolen.');
  await assessment.getByRole('button', { name: 'Afslut undersøgelsen' }).click();
  const confirm = page.getByRole('dialog', { name: 'Er du sikker?' });
  await expect(confirm).toContainText('kan den ikke genåbnes');
  await expectNoA11yViolations(page);
  await confirm.getByRole('button', { name: 'Annullér' }).click();
  await expect(page.getByText(/^Afsluttet den \d/)).toHaveCount(0);
  await assessment.getByRole('button', { name: 'Afslut undersøgelsen' }).click();
  await confirm.getByRole('button', { name: 'Afslut undersøgelsen' }).click();
  await expect(assessment).toHaveCount(0);
  await expect(page.getByText(/^Afsluttet den \d/)).toBeVisible();

  // A plan without goals is refused, naming the problem; with a goal and its protective factors it is saved.
  await page.getByRole('button', { name: /^(Barnets plan|Ungeplan)$/ }).click();
  const plan = page.getByRole('dialog', { name: /^(Barnets plan|Ungeplan)$/ });
  await plan.getByLabel('Barnets egne ønsker').fill('Jeg vil gerne gå til fodbold igen.');
  await plan.getByRole('button', { name: 'Fjern mål 1' }).click();
  await plan.getByRole('button', { name: 'Gem planen' }).click();
  await expect(plan.getByText('En plan skal have mindst ét konkret mål.')).toBeVisible();
  await plan.getByRole('button', { name: 'Tilføj mål' }).click();
  await plan.getByLabel('Mål 1: hvad skal være anderledes?').fill('Går til fodbold hver uge');
  const factors = plan.getByRole('group', { name: /Beskyttelsesfaktorer, målet skal styrke \(mål 1\)/ });
  await factors.getByRole('checkbox').first().check();
  await checkA11y(page);
  await plan.getByRole('button', { name: 'Gem planen' }).click();
  await expect(plan).toHaveCount(0);
  await expect(page.locator('#main').getByText(/Går til fodbold hver uge/)).toBeVisible();
  await expect(page.locator('#main').getByText('Jeg vil gerne gå til fodbold igen.')).toBeVisible();
  await expect(page.getByText(/Planen blev gemt/)).toBeVisible();
  await checkA11y(page);

  // Closing cannot be undone: it needs a reason and asks first; "Annullér" and Esc leave the case open.
  await page.getByRole('button', { name: 'Luk sagen' }).click();
  const closing = page.getByRole('dialog', { name: 'Luk sagen' });
  await closing.getByRole('button', { name: 'Luk sagen' }).click();
  await expect(closing.getByText('Skal udfyldes.')).toBeVisible();
  await closing.getByLabel('Hvorfor lukkes sagen?').fill('Familien er flyttet.');
  await closing.getByRole('button', { name: 'Luk sagen' }).click();
  const closeConfirm = page.getByRole('dialog', { name: 'Er du sikker?' });
  await expect(closeConfirm).toContainText('kan den ikke genåbnes');
  await closeConfirm.getByRole('button', { name: 'Annullér' }).click();
  await expect(closeConfirm).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(closing).toHaveCount(0);
  await expect(page.getByText('Lukket', { exact: true })).toHaveCount(0);

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

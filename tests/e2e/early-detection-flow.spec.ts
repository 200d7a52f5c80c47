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

async function signIn(page: Page, role: string): Promise<TSession> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: demoUser(role), password: PASSWORD },
  });
  expect(response.status(), `login as ${role}`).toBe(200);
  return (await response.json()) as TSession;
}

async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

const isoDay = (offset: number) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('from a concern to a meeting with consent, minutes, an action under My work, a follow-up and the figures', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // A child in the demo leader's school with no concerns, consents or meetings yet.
  const leader = await signIn(page, 'unitLeader');
  const schoolId = leader.user.roles.find((r) => r.role === 'unitLeader')?.unitId as string;
  const children = (await (
    await page.request.get(`/api/v1/children?unitId=${schoolId}&pageSize=100`)
  ).json()) as {
    items: TChild[];
  };
  let child: TChild | undefined;
  for (const c of children.items) {
    const concerns = (await (await page.request.get(`/api/v1/children/${c.id}/concerns`)).json()) as {
      items: unknown[];
    };
    const consents = (await (await page.request.get(`/api/v1/children/${c.id}/consents`)).json()) as {
      consents: unknown[];
      custodians: unknown[];
    };
    if (concerns.items.length === 0 && consents.consents.length === 0 && consents.custodians.length > 0) {
      child = c;
      break;
    }
  }
  if (!child) throw new Error('no suitable school child in the demo data');
  const name = `${child.firstName} ${child.lastName}`;

  // 1. A pedagogue records a concern, sees the handleguide's suggestions and chooses an interdisciplinary meeting.
  const professional = await signIn(page, 'professional');
  await page.goto(`/bekymringer/ny?childId=${child.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Registrér bekymring om ${name}` })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Indadvendt, trækker sig' }).check();
  await page
    .getByRole('textbox', { name: /Beskriv, hvad du har set og hørt/ })
    .fill('Sidder alene i frikvartererne og siger næsten ingenting i klassen.');
  await page.getByLabel('Din faggruppe').selectOption('pedagogue');
  await expect(
    page.getByRole('heading', { name: 'Niveau 3: Tværfagligt møde eller anonym sparring' }),
  ).toBeVisible();
  await checkA11y(page);
  await page.getByRole('radio', { name: 'Tværfagligt møde', exact: true }).check();
  await page.getByRole('button', { name: 'Gem bekymring' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText('Valgt handling: Tværfagligt møde')).toBeVisible();

  // 2. The leader records the custodian's written consent on the child's profile…
  await signIn(page, 'unitLeader');
  await page.goto(`/boern/${child.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Samtykker' })).toBeVisible();
  await page.getByRole('button', { name: 'Registrér samtykke' }).click();
  const consentForm = page.getByRole('form', { name: 'Nyt skriftligt samtykke' });
  await consentForm
    .getByRole('group', { name: /Givet af/ })
    .getByRole('checkbox')
    .first()
    .check();
  for (const p of ['Leder', 'Lærer', 'Pædagog'])
    await consentForm.getByRole('checkbox', { name: p, exact: true }).check();
  await consentForm.getByRole('textbox', { name: 'Formål' }).fill('Tværfagligt møde om trivsel i skolen');
  await checkA11y(page);
  await consentForm.getByRole('button', { name: 'Gem samtykke' }).click();
  await expect(page.getByText('Gyldigt', { exact: true })).toBeVisible();
  // Withdrawing cannot be undone: it asks first, and "Annullér" leaves the consent as it was.
  await page.getByRole('button', { name: 'Træk tilbage' }).click();
  const withdrawal = page.getByRole('dialog', { name: 'Træk samtykket tilbage?' });
  await expect(withdrawal).toContainText('Det kan ikke fortrydes.');
  await checkA11y(page);
  await withdrawal.getByRole('button', { name: 'Annullér' }).click();
  await expect(withdrawal).toBeHidden();
  await expect(page.getByText('Gyldigt', { exact: true })).toBeVisible();

  // …and schedules a meeting today with the pedagogue, putting the waiting concern on the agenda with the consent.
  await page.goto('/moeder/ny');
  await page.getByLabel('Dato').fill(isoDay(0));
  await page.getByLabel('Starttidspunkt').fill('09:00');
  await page.getByLabel('Person').selectOption(professional.user.id);
  await page.getByLabel('Faggruppe').selectOption('pedagogue');
  await page.getByRole('button', { name: 'Tilføj deltager' }).click();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Opret møde' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Dagsorden' })).toBeVisible();
  // Each form opens in a drawer from its button, with one submit.
  await page.getByRole('button', { name: 'Tilføj punkt' }).click();
  const addItem = page.getByRole('dialog', { name: 'Tilføj punkt' });
  const concernSelect = addItem.getByLabel('Bekymring der venter på et møde');
  const option = concernSelect.locator('option', { hasText: name });
  await concernSelect.selectOption((await option.first().getAttribute('value')) as string);
  await expect(addItem.getByText(`Barn: ${name}`)).toBeVisible();
  const consentSelect = addItem.getByLabel('Samtykke der bruges');
  await consentSelect.selectOption({ index: 1 });
  await addItem.getByRole('textbox', { name: 'Emne' }).fill('Trivsel i frikvartererne');
  await checkA11y(page);
  await addItem.getByRole('button', { name: 'Tilføj punkt' }).click();
  await expect(addItem).toHaveCount(0);
  const item = page.getByRole('article', { name: `Punkt 1: ${name}` });
  await expect(item).toBeVisible();
  await expect(item.getByText('Samtykke', { exact: true })).toBeVisible();
  await item.getByRole('button', { name: 'Vis barnet gennem mødet' }).click();
  await expect(item.getByText(/Vises på grundlag af: Samtykke/)).toBeVisible();

  // 3. Minutes in three parts with scaling and a follow-up date, and an action for the pedagogue.
  await item.getByRole('button', { name: 'Skriv referat' }).click();
  const minutes = page.getByRole('dialog', { name: 'Referat af punkt 1' });
  await minutes.getByRole('textbox', { name: 'Hvad er vi bekymrede for?' }).fill('Trækker sig fra legen.');
  await minutes.getByRole('textbox', { name: 'Hvad går godt?' }).fill('God kontakt til klasselæreren.');
  await minutes.getByRole('textbox', { name: 'Hvad skal der ske?' }).fill('Fast voksen i frikvartererne.');
  await minutes.getByRole('textbox', { name: /Skalering/ }).fill('3');
  await minutes.getByLabel('Opfølgningsdato').fill(isoDay(42));
  await minutes.getByRole('textbox', { name: 'Beslutninger' }).fill('Pædagogen følger op med forældrene.');
  await checkA11y(page);
  await minutes.getByRole('button', { name: 'Gem referat' }).click();
  await expect(minutes).toHaveCount(0);
  await expect(item.getByText('Hvad er vi bekymrede for?: Trækker sig fra legen.')).toBeVisible();
  await item.getByRole('button', { name: 'Tilføj handling' }).click();
  const action = page.getByRole('dialog', { name: 'Tilføj handling' });
  await action.getByRole('textbox', { name: 'Handling' }).fill('Ring til forældrene');
  await action.getByLabel('Ansvarlig').selectOption(professional.user.id);
  await action.getByLabel('Frist').fill(isoDay(7));
  await action.getByRole('button', { name: 'Tilføj handling' }).click();
  await expect(action).toHaveCount(0);
  await expect(item.getByRole('cell', { name: 'Ring til forældrene', exact: true })).toBeVisible();
  await checkA11y(page);
  const meetingUrl = page.url();

  // 4. The action's owner sees it under My work.
  await signIn(page, 'professional');
  await page.goto('/mit-arbejde');
  await expect(page.getByRole('cell', { name: 'Ring til forældrene', exact: true }).first()).toBeVisible();
  await checkA11y(page);

  // 5. At follow-up, "partly" is recorded with the scaling again.
  await page.goto(meetingUrl);
  const own = page.getByRole('article', { name: `Punkt 1: ${name}` });
  await own.getByRole('button', { name: 'Registrér opfølgning' }).click();
  const followUp = page.getByRole('dialog', { name: 'Opfølgning på punkt 1' });
  await followUp.getByRole('radio', { name: 'Delvist' }).check();
  await followUp.getByRole('textbox', { name: /Skalering nu/ }).fill('5');
  await followUp.getByRole('button', { name: 'Gem opfølgning' }).click();
  await expect(followUp).toHaveCount(0);
  await expect(own.getByText('Registreret: Delvist')).toBeVisible();
  await checkA11y(page);

  // 6. The leader's practice analytics show the times from concern to action and meeting.
  await signIn(page, 'unitLeader');
  await page.goto('/praksis');
  await page.getByLabel('Periode', { exact: true }).selectOption('year');
  await page.getByText('Vis alle tal som tabel').click();
  const table = page.getByRole('table', { name: /Praksis/ });
  const total = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'I alt' }) })
    .last();
  await expect(total.getByRole('cell').nth(3)).toHaveText(/^\d+([,.]\d)? dage \(n = \d+\)$/);
  await expect(total.getByRole('cell').nth(2)).toHaveText(/^\d+([,.]\d)? dage \(n = \d+\)$/);
  await checkA11y(page);
});

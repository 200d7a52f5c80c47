import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { demoUser, PASSWORD } from './helpers';

/** Signs in through the API in this browser (cookies replaced). */
async function signIn(page: Page, who: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: demoUser(who), password: PASSWORD },
  });
  expect(response.status(), `login as ${who}`).toBe(200);
}

async function checkA11y(page: Page): Promise<void> {
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
}

const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(0, 7);

test('the catalogue, an offer and the new-offer form are accessible, and the catalogue downloads as HSDS', async ({
  page,
}) => {
  await signIn(page, 'admin');
  await page.goto('/tilbud');
  await expect(page.getByRole('heading', { level: 1, name: 'Tilbud' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Tilbud' });
  await expect(table.getByRole('row')).not.toHaveCount(1);
  await checkA11y(page);
  await page.getByLabel('Slags tilbud').selectOption({ label: 'Fritidsjob' });
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(table.getByRole('cell', { name: 'Fritidsjob på værkstedet' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Svømmeskole' })).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Hent som HSDS 3.0 (JSON)' }).click();
  expect((await download).suggestedFilename()).toBe('tilbud-hsds-3.0.json');

  await table.getByRole('link', { name: 'Fritidsjob på værkstedet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fritidsjob på værkstedet' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Udbyder' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Redigér tilbuddet' }).click();
  const form = page.getByRole('form', { name: 'Redigér tilbuddet' });
  await form.getByLabel('Ledige pladser').fill('9');
  await form.getByRole('button', { name: 'Gem' }).click();
  await expect(form.getByText('Der kan ikke være flere ledige pladser end pladser i alt.')).toBeVisible();
  await checkA11y(page);

  await page.goto('/tilbud/nyt');
  await expect(page.getByRole('heading', { level: 1, name: 'Nyt tilbud' })).toBeVisible();
  await checkA11y(page);
});

test('a professional refers a child to the association on the custodians’ consent; its partner accepts, starts and confirms attendance', async ({
  page,
}) => {
  await signIn(page, 'professional');
  // An offer of the association partner2@ belongs to, and a child of the professional's units of its ages.
  const offers = (await (
    await page.request.get('/api/v1/offers?q=Fodbold%20for%20alle&status=active')
  ).json()) as {
    items: { id: string; name: string; ageFrom: number; ageTo: number }[];
  };
  const offer = offers.items[0];
  if (!offer) throw new Error('the demo has no "Fodbold for alle" offer');
  let child: { id: string; firstName: string; lastName: string } | undefined;
  for (let p = 1; !child && p <= 10; p++) {
    const page1 = (await (await page.request.get(`/api/v1/children?pageSize=100&page=${p}`)).json()) as {
      items: { id: string; firstName: string; lastName: string; birthDate: string }[];
    };
    if (page1.items.length === 0) break;
    for (const c of page1.items) {
      const [y, m, d] = c.birthDate.split('-').map(Number) as [number, number, number];
      const now = new Date();
      const age =
        now.getFullYear() -
        y -
        (now.getMonth() + 1 < m || (now.getMonth() + 1 === m && now.getDate() < d) ? 1 : 0);
      if (age < offer.ageFrom || age > offer.ageTo) continue;
      const refs = (await (await page.request.get(`/api/v1/children/${c.id}/referrals`)).json()) as {
        items: { offer: { id: string } }[];
      };
      const consents = (await (await page.request.get(`/api/v1/children/${c.id}/consents`)).json()) as {
        custodians: unknown[];
      };
      if (refs.items.length === 0 && consents.custodians.length > 0) {
        child = c;
        break;
      }
    }
  }
  if (!child) throw new Error('no child of the right age without referrals');
  const name = `${child.firstName} ${child.lastName}`;

  // 1. The custodians' written consent naming the association, with their contact details.
  await page.goto(`/boern/${child.id}`);
  await expect(page.getByRole('heading', { level: 2, name: 'Henvisninger til tilbud' })).toBeVisible();
  await expect(page.getByText('Barnet er ikke henvist til nogen tilbud.')).toBeVisible();
  await page.getByRole('button', { name: 'Registrér samtykke' }).click();
  const consentForm = page.getByRole('form', { name: 'Nyt skriftligt samtykke' });
  await consentForm
    .getByRole('group', { name: /Givet af/ })
    .getByRole('checkbox')
    .first()
    .check();
  await consentForm
    .getByRole('checkbox', { name: 'forældremyndighedsindehavernes kontaktoplysninger' })
    .check();
  await consentForm.getByLabel('Udbydere af tilbud').click();
  await page.getByRole('option', { name: 'Fjordby Boldklub' }).click();
  await page.keyboard.press('Escape');
  await consentForm.getByRole('textbox', { name: 'Formål' }).fill('Henvisning til fodbold');
  // The child may hold other valid consents already (the demo's, another spec's): one more is shown.
  const validBefore = await page.getByText('Gyldigt', { exact: true }).count();
  await consentForm.getByRole('button', { name: 'Gem samtykke' }).click();
  await expect(page.getByText('Gyldigt', { exact: true })).toHaveCount(validBefore + 1);

  // 2. The referral.
  await page.getByRole('button', { name: 'Henvis til et tilbud' }).click();
  const referForm = page.getByRole('form', { name: 'Henvis barnet til et tilbud' });
  await referForm.getByRole('combobox', { name: 'Tilbud' }).selectOption(offer.id);
  await expect(referForm.getByRole('combobox', { name: 'Samtykke, der nævner udbyderen' })).toBeVisible();
  await checkA11y(page);
  await referForm.getByRole('button', { name: 'Send henvisning' }).click();
  const section = page.getByRole('region', { name: 'Henvisninger til tilbud' });
  await expect(section.getByText('Sendt', { exact: true })).toBeVisible();
  await checkA11y(page);

  // 3. The association's partner accepts, records the start and confirms this month's attendance.
  await signIn(page, 'partner2');
  await page.goto('/henvisninger');
  await expect(page.getByRole('heading', { level: 1, name: 'Henvisninger til jeres tilbud' })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).toBeVisible();
  await checkA11y(page);
  await row.getByRole('button', { name: `Acceptér: ${name}` }).click();
  await expect(row.getByRole('cell', { name: 'Accepteret' })).toBeVisible();
  await row.getByRole('button', { name: `Registrér start: ${name}` }).click();
  await expect(row.getByRole('cell', { name: 'Startet' })).toBeVisible();
  await page.getByRole('checkbox', { name: new RegExp(`Deltog: ${name}`) }).check();
  await page.getByRole('button', { name: `Deltog i ${thisMonth()} (1)` }).click();
  await expect(page.getByText('Deltagelse bekræftet for 1 børn.')).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Deltager' })).toBeVisible();
  await checkA11y(page);

  // 4. The professional sees the child attending.
  await signIn(page, 'professional');
  await page.goto(`/boern/${child.id}`);
  await expect(section.getByText('Deltager', { exact: true })).toBeVisible();
  await expect(section.getByText(new RegExp(`Deltagelse bekræftet: ${thisMonth()}`))).toBeVisible();
});

test('a child missing a protective factor is shown suggested offers with why, axe-clean', async ({
  page,
}) => {
  await signIn(page, 'professional');
  type TSuggestions = {
    absentFactors: { label: string }[];
    items: { offer: { name: string }; why: { factors: { label: string }[] } }[];
  };
  let found: { id: string; suggestions: TSuggestions } | undefined;
  for (let p = 1; !found && p <= 5; p++) {
    const list = (await (await page.request.get(`/api/v1/children?pageSize=50&page=${p}`)).json()) as {
      items: { id: string }[];
    };
    if (list.items.length === 0) break;
    for (const c of list.items) {
      const res = await page.request.get(`/api/v1/children/${c.id}/offer-suggestions`);
      if (res.status() !== 200) continue;
      const suggestions = (await res.json()) as TSuggestions;
      if (suggestions.items.length > 0) {
        found = { id: c.id, suggestions };
        break;
      }
    }
  }
  if (!found) throw new Error('no child of the professional with a suggested offer');
  const first = found.suggestions.items[0];
  if (!first) throw new Error('no suggestion');
  await page.goto(`/boern/${found.id}`);
  const section = page.getByRole('region', { name: 'Forslag til brobygning' });
  await expect(section).toBeVisible();
  await expect(section.getByRole('link', { name: first.offer.name })).toBeVisible();
  await expect(
    section.getByText(`Styrker: ${first.why.factors.map((f) => f.label).join(', ')}`).first(),
  ).toBeVisible();
  await checkA11y(page);
});

import { expect, type Page, test } from '@playwright/test';
import type { TChildNetwork } from '../../src/shared/schemas/network-views';
import type { TChildNotices } from '../../src/shared/schemas/notices';
import { checkA11y, switchUser } from './assessment-steps';
import { demoUser } from './helpers';

/**
 * A child of the professional's units with a sibling the professional reaches too, both under 12 (no agreement of
 * their own to record) and without a demo network person yet, read through the API.
 */
async function childWithSibling(page: Page): Promise<TChildNetwork> {
  const list = await page.request.get('/api/v1/children?pageSize=100');
  expect(list.status()).toBe(200);
  for (const child of ((await list.json()) as { items: { id: string }[] }).items) {
    const res = await page.request.get(`/api/v1/children/${child.id}/network`);
    if (res.status() !== 200) continue;
    const network = (await res.json()) as TChildNetwork;
    const young = network.siblings.filter((s) => s.age < network.childAgreementAge);
    if (network.child.age < network.childAgreementAge && young.length > 0 && network.persons.length === 0)
      return { ...network, siblings: young };
  }
  throw new Error('no child of the professional with a sibling the professional reaches');
}

test('a professional records a network person shared with a sibling, corrects a bad phone, and the parents are to be told', async ({
  page,
}) => {
  await switchUser(page, demoUser('professional'));
  const network = await childWithSibling(page);
  const sibling = network.siblings[0] as TChildNetwork['siblings'][number];
  await page.goto(`/boern/${network.child.id}`);
  const section = page.getByRole('region', { name: 'Netværk' });
  await expect(section.getByText('Der er ikke registreret netværkspersoner for barnet.')).toBeVisible();
  await section.getByRole('button', { name: 'Tilføj netværksperson' }).click();

  const form = section.getByRole('form', { name: 'Ny netværksperson' });
  await form.getByRole('textbox', { name: 'Navn' }).fill('Birgit Holm');
  await form
    .getByLabel('Relation til barnet')
    .selectOption({ label: 'Moster, faster, morbror eller farbror' });
  await form.getByRole('textbox', { name: 'Relation med egne ord (fx »mors mor«)' }).fill('moster');
  await form.getByRole('textbox', { name: 'Telefon' }).fill('ring til hende');
  await form.getByRole('textbox', { name: 'Hvad kan personen tilbyde?' }).fill('Lektiehjælp om onsdagen');
  await form.getByLabel('Er forældrene enige i at inddrage personen?').selectOption({ label: 'Enig' });
  await form.getByRole('checkbox', { name: sibling.firstName, exact: true }).check();
  await form.getByLabel(`Tilknytning til ${sibling.firstName}`).selectOption({ label: 'Svag tilknytning' });
  await form.getByRole('button', { name: 'Gem netværksperson' }).click();
  // A phone that is not a phone number is refused on its field, and nothing is saved.
  await expect(form.getByText('Er ikke et telefonnummer (8–15 cifre, evt. med + foran).')).toBeVisible();
  await checkA11y(page);
  await form.getByRole('textbox', { name: 'Telefon' }).fill('22 33 44 55');
  await form.getByRole('button', { name: 'Gem netværksperson' }).click();
  await expect(form).toBeHidden();

  const card = section.getByRole('article', { name: 'Birgit Holm' });
  await expect(card).toContainText('Moster, faster, morbror eller farbror (moster) · Stærk tilknytning');
  await expect(card).toContainText('Kontakt: 22334455');
  await expect(card).toContainText('Kan tilbyde: Lektiehjælp om onsdagen');
  await expect(card).toContainText('Forældrenes enighed: Enig');
  await expect(card).toContainText(`Også i netværket for: ${sibling.firstName}`);
  await checkA11y(page);

  // Changed: she turns out to be both a resource and a strain.
  await card.getByRole('button', { name: 'Ret Birgit Holm' }).click();
  const edit = section.getByRole('form', { name: 'Ret Birgit Holm' });
  await edit.getByLabel('Ressource eller belastning').selectOption({ label: 'Både ressource og belastning' });
  await checkA11y(page);
  await edit.getByRole('button', { name: 'Gem netværksperson' }).click();
  await expect(edit).toBeHidden();
  await expect(section.getByRole('article', { name: 'Birgit Holm' })).toContainText(
    'Både ressource og belastning',
  );

  // The sibling's profile shows her too, with the tie to the sibling.
  await page.goto(`/boern/${sibling.id}`);
  const siblingCard = page
    .getByRole('region', { name: 'Netværk' })
    .getByRole('article', { name: 'Birgit Holm' });
  await expect(siblingCard).toContainText('Svag tilknytning');
  await expect(siblingCard).toContainText(`Også i netværket for: ${network.child.firstName}`);
  await checkA11y(page);

  // The guardians are to be told a network person is recorded (issue 23): a notice, sent or on its way.
  await expect
    .poll(
      async () => {
        const res = await page.request.get(`/api/v1/children/${network.child.id}/notices`);
        const notices = (await res.json()) as TChildNotices;
        return [...notices.notices, ...notices.pending].some((n) => n.kind === 'networkPerson');
      },
      { timeout: 30_000 },
    )
    .toBe(true);
});

test('a caseworker sees the network of a child of their case on the case page', async ({ page }) => {
  await switchUser(page, demoUser('caseworker'));
  const cases = await page.request.get('/api/v1/cases?status=open&pageSize=50');
  expect(cases.status()).toBe(200);
  let caseId: string | null = null;
  for (const c of ((await cases.json()) as { items: { id: string; child: { id: string } }[] }).items) {
    const res = await page.request.get(`/api/v1/children/${c.child.id}/network`);
    if (res.status() === 200 && ((await res.json()) as TChildNetwork).persons.length > 0) {
      caseId = c.id;
      break;
    }
  }
  expect(caseId, 'an open case whose child has a demo network').not.toBeNull();
  await page.goto(`/sager/${caseId}`);
  const section = page.getByRole('region', { name: 'Netværk' });
  await expect(section.getByRole('article').first()).toBeVisible();
  await expect(section.getByRole('button', { name: 'Tilføj netværksperson' })).toBeVisible();
  await checkA11y(page);
});

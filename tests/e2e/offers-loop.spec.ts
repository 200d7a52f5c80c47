import { expect, type Page, test } from '@playwright/test';
import { checkA11y, me, switchUser, type TProgressChild } from './assessment-steps';
import { demoUser } from './helpers';

/**
 * The closed loop of issue 15 in the browser: a teacher sees that a child lacks organised leisure, picks a
 * suggested association, records the custodians' consent and refers; the association's partner accepts, starts
 * and confirms attendance; the teacher sees the child attending — beside the factor too — and the next own
 * assessment suggests the factor present with its source, set only when the teacher chooses it. Axe-clean.
 */

const LEISURE = 'P-ORGANISED-LEISURE';
const LEISURE_LABEL = 'Organiseret fritidsaktivitet';
const ASSOCIATION = 'Fjordby Boldklub';
const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(0, 7);

interface TRound {
  id: string;
  status: string;
  units: { id: string; name: string }[];
}
interface TSuggestions {
  absentFactors: { code: string; label: string }[];
  items: { offer: { id: string; name: string; provider: { name: string } } }[];
}

/**
 * A child in an open round of the teacher's units, not yet assessed there, whose latest joint assessment lacks
 * organised leisure and who is suggested an offer of the association — with custodians and no live referral
 * to that offer.
 */
async function findChild(page: Page) {
  const units = new Set((await me(page)).user.roles.flatMap((r) => (r.unitId ? [r.unitId] : [])));
  const rounds = ((await (await page.request.get('/api/v1/assessment-rounds')).json()) as { items: TRound[] })
    .items;
  for (const round of rounds.filter((r) => r.status === 'open')) {
    for (const unit of round.units.filter((u) => units.has(u.id))) {
      const progress = (await (
        await page.request.get(`/api/v1/assessment-rounds/${round.id}/progress?unitId=${unit.id}`)
      ).json()) as { children: TProgressChild[] };
      for (const child of progress.children.filter((c) => c.ownCount === 0 && !c.jointId)) {
        const res = await page.request.get(`/api/v1/children/${child.id}/offer-suggestions`);
        if (res.status() !== 200) continue;
        const suggestions = (await res.json()) as TSuggestions;
        if (!suggestions.absentFactors.some((f) => f.code === LEISURE)) continue;
        const offer = suggestions.items.find((s) => s.offer.provider.name === ASSOCIATION)?.offer;
        if (!offer) continue;
        const refs = (await (await page.request.get(`/api/v1/children/${child.id}/referrals`)).json()) as {
          items: { offer: { id: string }; status: string }[];
        };
        // The demo has referred many children already (its learning history): only a live referral to this
        // very offer stands in the way.
        const live = refs.items.filter(
          (r) => r.offer.id === offer.id && !['declined', 'ended'].includes(r.status),
        );
        const consents = (await (await page.request.get(`/api/v1/children/${child.id}/consents`)).json()) as {
          custodians: unknown[];
        };
        if (live.length === 0 && consents.custodians.length > 0) return { child, offer, round, unit };
      }
    }
  }
  throw new Error('no child lacking organised leisure with a suggested association in an open round');
}

test('a teacher refers a child lacking organised leisure to a suggested association; attendance feeds the next assessment', async ({
  page,
}) => {
  await switchUser(page, demoUser('professional'));
  const { child, offer, round, unit } = await findChild(page);
  const name = `${child.firstName} ${child.lastName}`;

  // 1. The teacher sees the missing factor and the suggested association on the child's profile.
  await page.goto(`/boern/${child.id}`);
  const suggestions = page.getByRole('region', { name: 'Forslag til brobygning' });
  await expect(suggestions.getByText(new RegExp(`mangler .*${LEISURE_LABEL}`))).toBeVisible();
  await expect(suggestions.getByRole('link', { name: offer.name })).toBeVisible();
  await checkA11y(page);

  // 2. The custodians' written consent naming the association.
  await page.getByRole('button', { name: 'Registrér samtykke' }).click();
  const consentForm = page.getByRole('form', { name: 'Nyt skriftligt samtykke' });
  await consentForm
    .getByRole('group', { name: /Givet af/ })
    .getByRole('checkbox')
    .first()
    .check();
  await consentForm.getByLabel('Udbydere af tilbud').click();
  await page.getByRole('option', { name: ASSOCIATION }).click();
  await page.keyboard.press('Escape');
  await consentForm.getByRole('textbox', { name: 'Formål' }).fill('Henvisning til en fritidsaktivitet');
  const validBefore = await page.getByText('Gyldigt', { exact: true }).count();
  await consentForm.getByRole('button', { name: 'Gem samtykke' }).click();
  await expect(page.getByText('Gyldigt', { exact: true })).toHaveCount(validBefore + 1);

  // 3. The teacher picks the suggestion and refers.
  await suggestions.getByRole('button', { name: `Henvis til ${offer.name}` }).click();
  const referForm = suggestions.getByRole('form', { name: 'Henvis barnet til et tilbud' });
  await expect(referForm.getByRole('combobox', { name: 'Tilbud' })).toHaveValue(offer.id);
  await expect(referForm.getByRole('combobox', { name: 'Samtykke, der nævner udbyderen' })).toBeVisible();
  await checkA11y(page);
  await referForm.getByRole('button', { name: 'Send henvisning' }).click();
  const referrals = page.getByRole('region', { name: 'Henvisninger til tilbud' });
  // The child may have other referrals from the demo's history: this one is the card naming the offer.
  const card = referrals
    .locator('.mantine-Paper-root')
    .filter({ has: page.getByRole('link', { name: offer.name, exact: true }) });
  await expect(card.getByText('Sendt', { exact: true })).toBeVisible();

  // 4. The association's partner accepts, records the start and confirms this month's attendance.
  await switchUser(page, demoUser('partner2'));
  await page.goto('/henvisninger');
  const row = page.getByRole('row', { name: new RegExp(name) }).filter({ hasText: offer.name });
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: `Acceptér: ${name}` }).click();
  await expect(row.getByRole('cell', { name: 'Accepteret' })).toBeVisible();
  await row.getByRole('button', { name: `Registrér start: ${name}` }).click();
  await expect(row.getByRole('cell', { name: 'Startet' })).toBeVisible();
  // The attendance list: the started referral of this child (the demo history may have another, not started).
  await page
    .getByRole('checkbox', { name: new RegExp(`Deltog: ${name}`) })
    .first()
    .check();
  await page.getByRole('button', { name: `Deltog i ${thisMonth()} (1)` }).click();
  await expect(row.getByRole('cell', { name: 'Deltager' })).toBeVisible();
  await checkA11y(page);

  // 5. The teacher sees the child attending, and the attendance beside the factor.
  await switchUser(page, demoUser('professional'));
  await page.goto(`/boern/${child.id}`);
  await expect(card.getByText('Deltager', { exact: true })).toBeVisible();
  const attends = `Deltager i ${offer.name} hos ${ASSOCIATION} (fremmøde bekræftet til og med ${thisMonth()})`;
  await expect(page.getByRole('rowheader', { name: new RegExp(LEISURE_LABEL) })).toContainText(attends);
  await checkA11y(page);

  // 6. The next own assessment shows the suggestion with its source; nothing is set until the teacher chooses it.
  await page.goto(`/runder/${round.id}/boern/${child.id}/vurdering?mode=own&unitId=${unit.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Egen vurdering af ${name}` })).toBeVisible();
  const factor = page.getByRole('group', { name: LEISURE_LABEL });
  await expect(factor.getByText(`Forslag: Til stede. ${attends}`)).toBeVisible();
  await expect(factor.getByRole('radio', { name: 'Til stede', exact: true })).not.toBeChecked();
  await checkA11y(page);
  await factor.getByRole('button', { name: `Brug forslaget for ${LEISURE_LABEL}` }).click();
  await expect(factor.getByRole('radio', { name: 'Til stede', exact: true })).toBeChecked();
  await expect(factor.getByRole('textbox')).toHaveValue(attends);
  await expect(factor.getByText(/^Forslag:/)).toHaveCount(0);
});

test('Mit arbejde lists referrals awaiting the teacher and an unused leisure pass; the child’s pass shows its budget and takes a grant', async ({
  page,
}) => {
  await switchUser(page, demoUser('professional'));
  await page.goto('/mit-arbejde');
  const waiting = page.getByRole('table', { name: 'Henvisninger der venter på dig' });
  await expect(
    waiting.getByRole('cell', { name: /^Intet svar fra udbyderen efter \d+ hverdage$/ }).first(),
  ).toBeVisible();
  await expect(
    waiting.getByRole('cell', { name: /^Afvist \(.+\) – vælg et nyt tilbud$/ }).first(),
  ).toBeVisible();
  const unused = waiting
    .getByRole('row')
    .filter({ hasText: /Fritidspas på \d+ kr\. ikke brugt/ })
    .first();
  await expect(unused).toBeVisible();
  await checkA11y(page);

  // The child of an unused pass: the profile says so, with this year's budget, and grants what is left.
  await unused.getByRole('link').click();
  const pass = page.getByRole('region', { name: 'Fritidspas' });
  await expect(pass.getByText(/Ikke brugt efter 8 uger/)).toBeVisible();
  const budget = pass.getByText(/^\d{4}: 1500 kr\. pr\. barn\. Brugt \d+ kr\., tilbage \d+ kr\.$/);
  await expect(budget).toBeVisible();
  const left = Number((await budget.textContent())?.match(/tilbage (\d+) kr/)?.[1]);
  await pass.getByRole('button', { name: 'Bevilg fritidspas' }).click();
  const offers = pass.getByRole('combobox', { name: 'Tilbud' });
  await offers.selectOption({ index: 1 });
  await pass.getByRole('textbox', { name: 'Beløb (kr.)' }).fill(String(left + 1));
  await pass.getByRole('button', { name: 'Bevilg', exact: true }).click();
  await expect(pass.getByText(`Barnet har ${left} kr. tilbage af fritidspasset`)).toBeVisible();
  await checkA11y(page);
  await pass.getByRole('textbox', { name: 'Beløb (kr.)' }).fill(String(left));
  await pass.getByRole('button', { name: 'Bevilg', exact: true }).click();
  await expect(pass.getByText(/Brugt \d+ kr\., tilbage 0 kr\.$/)).toBeVisible();
  await checkA11y(page);
});

test('a caseworker refers a child from a goal of its plan, on the case’s § 32 measure; the referral names the goal', async ({
  page,
}) => {
  await switchUser(page, demoUser('caseworker'));
  type TCaseView = {
    id: string;
    child: { id: string; age: number };
    plan: { goals: { text: string }[] } | null;
    measures: { id: string; section: string; startsOn: string; endsOn: string | null }[];
  };
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const list = (await (await page.request.get('/api/v1/cases?status=open&pageSize=100')).json()) as {
    items: { id: string }[];
  };
  let found: TCaseView | undefined;
  for (const { id } of list.items) {
    const c = (await (await page.request.get(`/api/v1/cases/${id}`)).json()) as TCaseView;
    const measure = c.measures.some(
      (m) => m.section === 's32' && m.startsOn <= today && (m.endsOn === null || m.endsOn >= today),
    );
    if (measure && c.plan && c.plan.goals.length > 0) {
      found = c;
      break;
    }
  }
  if (!found) throw new Error('no open case with a plan goal and a current § 32 measure');
  const goal = found.plan?.goals[0]?.text as string;
  const offers = (await (
    await page.request.get(`/api/v1/offers?status=active&age=${found.child.age}&pageSize=100`)
  ).json()) as { items: { id: string; access: string }[] };
  const offer = offers.items.find((o) => o.access === 'referral') ?? offers.items[0];
  if (!offer) throw new Error('no active offer for the child’s age');

  await page.goto(`/sager/${found.id}`);
  await page.getByRole('button', { name: `Henvis til tilbud fra mål 1: ${goal}` }).click();
  const form = page.getByRole('form', { name: 'Henvis barnet til et tilbud' });
  await expect(form.getByText(`Henvisningen knyttes til målet: ${goal}`)).toBeVisible();
  await form.getByRole('combobox', { name: 'Tilbud' }).selectOption(offer.id);
  await expect(form.getByRole('combobox', { name: 'Afgørelse efter § 32' })).toBeVisible();
  await checkA11y(page);
  await form.getByRole('button', { name: 'Send henvisning' }).click();
  await expect(form).toBeHidden();
  const referrals = (await (
    await page.request.get(`/api/v1/children/${found.child.id}/referrals`)
  ).json()) as {
    items: { offer: { id: string }; origin: { kind: string; text: string } | null }[];
  };
  expect(referrals.items.find((r) => r.offer.id === offer.id)?.origin).toMatchObject({
    kind: 'goal',
    text: goal,
  });
});

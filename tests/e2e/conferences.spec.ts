import { expect, type Page, test } from '@playwright/test';
import type { TConferenceListItem } from '../../src/shared/schemas/conference-views';
import type { TChildNetwork } from '../../src/shared/schemas/network-views';
import { checkA11y, switchUser } from './assessment-steps';
import { demoUser } from './helpers';

interface TCaseItem {
  id: string;
  child: { id: string; firstName: string; lastName: string };
}

/** An open case of the caseworker whose child has a network and no conference yet. */
async function caseWithNetwork(page: Page): Promise<{ kase: TCaseItem; network: TChildNetwork }> {
  const res = await page.request.get('/api/v1/cases?status=open&pageSize=50');
  expect(res.status()).toBe(200);
  for (const kase of ((await res.json()) as { items: TCaseItem[] }).items) {
    const network = await page.request.get(`/api/v1/children/${kase.child.id}/network`);
    if (network.status() !== 200) continue;
    const body = (await network.json()) as TChildNetwork;
    const conferences = await page.request.get(`/api/v1/children/${kase.child.id}/conferences`);
    const none = ((await conferences.json()) as { items: TConferenceListItem[] }).items.length === 0;
    if (body.persons.length > 0 && none) return { kase, network: body };
  }
  throw new Error('no open case of the caseworker whose child has a network and no conference');
}

async function letters(page: Page, kind: string): Promise<{ subject: string }[]> {
  const res = await page.request.get(`/api/v1/letters?kind=${kind}&pageSize=100`);
  expect(res.status()).toBe(200);
  return ((await res.json()) as { items: { subject: string }[] }).items;
}

test('a caseworker refers a family to a conference; the coordinator prepares, invites and records the plan; the caseworker approves; the family letter is in the outbox; the review is held', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await switchUser(page, demoUser('caseworker'));
  const { kase, network } = await caseWithNetwork(page);
  const childName = `${kase.child.firstName} ${kase.child.lastName}`;
  const invitee = network.persons[0]?.name ?? '';

  // The caseworker refers from the case, with the family's agreement, to the external coordinator.
  await page.goto(`/sager/${kase.id}`);
  const section = page.getByRole('region', { name: 'Familierådslagninger' });
  await section.getByRole('button', { name: 'Henvis til familierådslagning' }).click();
  const refer = section.getByRole('form', { name: 'Henvis familien til en familierådslagning' });
  await refer
    .getByRole('textbox', { name: 'Hvorfor en familierådslagning?' })
    .fill('Højt fravær, og mor er syg.');
  await refer.getByLabel('Koordinator').selectOption({ label: 'Karin Koordinator (ekstern)' });
  await checkA11y(page);
  await refer.getByRole('button', { name: 'Henvis' }).click();
  await expect(section.getByRole('link', { name: childName })).toBeVisible();

  // The coordinator finds it among their conferences and prepares it.
  await switchUser(page, demoUser('conferenceCoordinator'));
  await page.goto('/konferencer');
  await expect(page.getByRole('heading', { level: 1, name: 'Familierådslagninger' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: childName }).first().click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Familierådslagning for ${childName}` }),
  ).toBeVisible();
  const prepare = page.getByRole('form', { name: 'Forberedelse' });
  await prepare
    .getByRole('textbox', { name: 'Spørgsmål til familien (ét pr. linje)' })
    .fill(`Hvordan kommer ${kase.child.firstName} i skole hver dag?\nHvem hjælper, når mor er syg?`);
  await prepare.getByRole('textbox', { name: 'Bekymringen' }).fill('Fraværet er 20 %.');
  await prepare.getByRole('textbox', { name: 'Det skal planen overholde' }).fill('Fraværet skal under 10 %.');
  await prepare.getByRole('checkbox', { name: invitee }).check();
  await checkA11y(page);
  await prepare.getByRole('button', { name: 'Gem forberedelsen og send invitationer' }).click();
  await expect(page.getByText(`${invitee} (valgt sammen med barnet) – invitation i udbakken`)).toBeVisible();

  // The conference: the professionals inform, the family has its private time and writes its plan.
  const inform = page.getByRole('form', { name: 'Information' });
  await inform.getByRole('textbox', { name: 'Navn', exact: true }).fill('Lærer Lise');
  await inform.getByRole('textbox', { name: 'Fag', exact: true }).fill('Lærer');
  await inform
    .getByRole('textbox', { name: 'Hvad fagpersonen fortalte' })
    .fill('Fraværet og hvad barnet er god til.');
  await inform.getByRole('button', { name: 'Gem informationen' }).click();
  await page
    .getByRole('form', { name: 'Familiens egen tid' })
    .getByRole('button', { name: 'Familiens egen tid er holdt' })
    .click();
  const plan = page.getByRole('form', { name: 'Familiens plan' });
  await plan
    .getByRole('textbox', { name: 'Hvad skal gøres?' })
    .fill('Mormor følger i skole mandag og onsdag');
  await plan.getByLabel('Hvem gør det?').selectOption({ label: 'Netværksperson' });
  await plan.getByRole('textbox', { name: 'Navn på den, der gør det' }).fill(invitee);
  await plan.getByRole('textbox', { name: 'Hvem holder øje?' }).fill('Mor');
  await checkA11y(page);
  await plan.getByRole('button', { name: 'Gem familiens plan' }).click();
  await expect(page.getByText('Plan lavet – venter på godkendelse').first()).toBeVisible();
  await expect(page.getByRole('form', { name: 'Beslutning' })).toHaveCount(0);
  const conferenceUrl = page.url();

  // The caseworker approves, with a review date.
  await switchUser(page, demoUser('caseworker'));
  await page.goto(conferenceUrl);
  const decision = page.getByRole('form', { name: 'Beslutning' });
  await expect(decision.getByRole('radio', { name: 'Godkend planen' })).toBeChecked();
  await checkA11y(page);
  await decision.getByRole('button', { name: 'Gem beslutningen' }).click();
  await expect(page.getByText('Plan godkendt').first()).toBeVisible();

  // The family's plan is in the outbox as letters to the parents; the invitation went to the network.
  await switchUser(page, demoUser('caseworkManager'));
  const plans = await letters(page, 'conferencePlan');
  expect(plans.some((l) => l.subject === `Jeres plan for ${kase.child.firstName} er godkendt`)).toBe(true);
  const invitations = await letters(page, 'conferenceInvitation');
  expect(
    invitations.some((l) => l.subject === `Invitation til familierådslagning for ${kase.child.firstName}`),
  ).toBe(true);

  // The review is held by the coordinator.
  await switchUser(page, demoUser('conferenceCoordinator'));
  await page.goto(conferenceUrl);
  const review = page.getByRole('form', { name: 'Opfølgning' });
  await review
    .getByLabel('Status: Mormor følger i skole mandag og onsdag')
    .selectOption({ label: 'Delvist' });
  await review.getByLabel('Hjalp planen?').selectOption({ label: 'Delvist' });
  await review.getByRole('button', { name: 'Gem opfølgningen' }).click();
  await expect(page.getByText('Opfølgning holdt').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Forløb' }).getByRole('row')).toHaveCount(7);
  await checkA11y(page);
});

import { expect, test } from '@playwright/test';
import {
  checkA11y,
  EXPECTATIONS,
  fillChildVoice,
  LOST_RELATIONS,
  me,
  setFactor,
  switchUser,
  type TProgressChild,
  type TWellbeing,
} from './assessment-steps';
import { apiLogin, demoUser } from './helpers';

interface TRound {
  id: string;
  name: string;
  status: string;
  units: { id: string; name: string }[];
}

/** The second professional's password: the demo password is shorter than a new user's must be. */
const SECOND_PASSWORD = 'anden-fagperson-e2e';

test('two professionals make own assessments, one makes the joint one where they disagree, and the leader sees it in the unit', async ({
  page,
}) => {
  test.setTimeout(240_000);

  // The units of the demo professional, and the school the demo leader leads.
  await apiLogin(page, demoUser('professional'));
  const professional = await me(page);
  const professionalUnits = professional.user.roles
    .filter((r) => r.role === 'professional' && r.unitId)
    .map((r) => r.unitId as string);
  await switchUser(page, demoUser('unitLeader'));
  const leader = await me(page);
  const schoolId = leader.user.roles.find((r) => r.role === 'unitLeader')?.unitId ?? '';
  expect(professionalUnits).toContain(schoolId);
  const before = (await (await page.request.get(`/api/v1/units/${schoolId}/wellbeing`)).json()) as TWellbeing;

  // A second professional in the same units, made by the admin.
  await switchUser(page, demoUser('admin'));
  const admin = await me(page);
  const secondEmail = `e2e-anden-${Date.now()}@demo.beskyt.test`;
  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': admin.csrfToken },
    data: {
      name: 'Ole Olsen (e2e)',
      email: secondEmail,
      password: SECOND_PASSWORD,
      roles: professionalUnits.map((unitId) => ({ role: 'professional', unitId })),
    },
  });
  expect(created.status()).toBe(201);
  // A role that reaches children waits for a second person (issue 13): the school's leader confirms it.
  const pending = ((await created.json()) as { pendingRoles: { grantId: string; unitId: string }[] })
    .pendingRoles;
  await switchUser(page, demoUser('unitLeader'));
  const grantId = pending.find((g) => g.unitId === schoolId)?.grantId;
  const confirmed = await page.request.post(`/api/v1/role-grants/${grantId}/confirm`, {
    headers: { 'x-csrf-token': (await me(page)).csrfToken },
  });
  expect(confirmed.status()).toBe(200);
  await switchUser(page, demoUser('admin'));

  // The admin sees every round and may create one; the form checks its fields before sending.
  await page.goto('/runder');
  await expect(page.getByRole('heading', { level: 1, name: 'Vurderingsrunder' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Vurderingsrunder, nyeste først' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('button', { name: 'Opret runde' }).click();
  const createRound = page.getByRole('dialog', { name: 'Opret vurderingsrunde' });
  await createRound.getByRole('button', { name: 'Opret runde' }).click();
  await expect(createRound.getByRole('textbox', { name: 'Navn' })).toHaveAttribute('aria-invalid', 'true');
  await expect(createRound.getByText('Nogle felter er ikke udfyldt korrekt.')).toBeVisible();
  await checkA11y(page);
  await createRound.getByRole('button', { name: 'Annullér' }).click();
  await expect(createRound).toBeHidden();

  // Professional 1 finds the open round through the menu and a child nobody has assessed yet.
  await switchUser(page, demoUser('professional'));
  const rounds = ((await (await page.request.get('/api/v1/assessment-rounds')).json()) as { items: TRound[] })
    .items;
  const round = rounds.find((r) => r.status === 'open' && r.units.some((u) => u.id === schoolId));
  if (!round) throw new Error('the demo data has no open round for the school');
  const school = round.units.find((u) => u.id === schoolId)?.name ?? '';
  const progress = (await (
    await page.request.get(`/api/v1/assessment-rounds/${round.id}/progress?unitId=${schoolId}`)
  ).json()) as { children: TProgressChild[] };
  const child = progress.children.find((c) => c.ownCount === 0 && !c.jointId);
  if (!child) throw new Error('every child in the school has been assessed already');
  const childName = `${child.firstName} ${child.lastName}`;

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Vurderinger' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Vurderingsrunder' })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('link', { name: `Se fremdrift for ${school} i ${round.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `${round.name} – ${school}` })).toBeVisible();
  const bar = page.getByRole('progressbar', { name: 'Børn med en fælles vurdering' });
  await expect(bar).toHaveAttribute('aria-valuetext', /^\d+ af \d+ har en fælles vurdering$/);
  await expect(page.getByText(/^\d+ af \d+ har en fælles vurdering/)).toBeVisible();
  await checkA11y(page);
  const progressUrl = page.url();

  await page.getByRole('link', { name: `Lav egen vurdering af ${childName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Egen vurdering af ${childName}` })).toBeVisible();
  await checkA11y(page);
  await page.getByRole('radio', { name: 'Grøn – trives' }).check();
  await setFactor(page, EXPECTATIONS, 'Til stede');
  await setFactor(page, LOST_RELATIONS, 'Ikke til stede');
  await fillChildVoice(page, child.birthDate, 'Fortæller gerne om sine venner.');
  await page.getByLabel('Forældrenes syn på barnets trivsel').fill('Forældrene oplever et glad barn.');
  await page.getByRole('button', { name: 'Gem egen vurdering' }).click();
  await expect(page).toHaveURL(/\/vurderinger\/[0-9a-f-]{36}/);
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Grøn – trives' })).toBeChecked();
  await checkA11y(page);

  // Professional 2 sees it differently: yellow, and a lost relationship.
  await switchUser(page, secondEmail, SECOND_PASSWORD);
  await page.goto(progressUrl);
  const row = page.getByRole('row').filter({ hasText: childName });
  await expect(row).toBeVisible();
  await row.getByRole('link', { name: `Lav egen vurdering af ${childName}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Egen vurdering af ${childName}` })).toBeVisible();
  await page.getByRole('radio', { name: 'Gul – øget opmærksomhed' }).check();
  await setFactor(page, EXPECTATIONS, 'Til stede');
  await setFactor(page, LOST_RELATIONS, 'Til stede', 'Har mistet kontakten til sin morfar');
  await page.getByRole('button', { name: 'Gem egen vurdering' }).click();
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();

  // Professional 1 opens the joint form: the disagreement is marked, what they agree on is filled in.
  await switchUser(page, demoUser('professional'));
  await page.goto(progressUrl);
  await expect(page.getByRole('row').filter({ hasText: childName })).toContainText('2');
  await page.getByRole('link', { name: `Lav fælles vurdering af ${childName}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Fælles vurdering af ${childName}` }),
  ).toBeVisible();
  const summary = page.getByTestId('disagreement-summary');
  await expect(summary).toContainText('De egne vurderinger er uenige om den samlede position.');
  await expect(summary).toContainText('De egne vurderinger er uenige om 1 faktor:');
  await expect(summary.getByRole('link', { name: LOST_RELATIONS })).toBeVisible();
  const disputed = page.getByRole('group', { name: new RegExp(`^${LOST_RELATIONS}`) });
  await expect(disputed).toHaveAttribute('data-disagree', 'true');
  await expect(disputed).toContainText('Uenighed');
  await expect(disputed).toContainText('Pia Pædagog (demo): Ikke til stede');
  await expect(disputed).toContainText('Ole Olsen (e2e): Til stede – Har mistet kontakten til sin morfar');
  const agreed = page.getByRole('group', { name: new RegExp(`^${EXPECTATIONS}`) });
  await expect(agreed).not.toHaveAttribute('data-disagree', 'true');
  await expect(agreed.getByRole('radio', { name: 'Til stede', exact: true })).toBeChecked();
  await checkA11y(page);

  await summary.getByRole('link', { name: LOST_RELATIONS }).click();
  await expect(disputed.getByRole('radio').first()).toBeFocused();
  await page.getByRole('radio', { name: 'Gul – øget opmærksomhed' }).check();
  await setFactor(page, LOST_RELATIONS, 'Til stede', 'Morfaren er flyttet; aftalt opfølgning med forældrene');
  await fillChildVoice(page, child.birthDate, 'Savner sin morfar.');
  await page
    .getByLabel('Forældrenes syn på barnets trivsel')
    .fill('Forældrene er bekymrede og vil gerne samarbejde.');
  await page.getByRole('button', { name: 'Gem fælles vurdering' }).click();
  await expect(page.getByText('Vurderingen er gemt.')).toBeVisible();
  const jointId = new URL(page.url()).pathname.split('/').pop() ?? '';
  await checkA11y(page);

  // Someone else saves the joint assessment while it is open: the stale save keeps the edits.
  const joint = (await (await page.request.get(`/api/v1/assessments/${jointId}`)).json()) as {
    version: number;
  };
  const other = await page.request.patch(`/api/v1/assessments/${jointId}`, {
    headers: { 'x-csrf-token': (await me(page)).csrfToken },
    data: { version: joint.version, note: 'Rettet af en kollega' },
  });
  expect(other.status()).toBe(200);
  await page.getByLabel('Note (valgfri)').fill('Mødet aftalte en samtale med forældrene');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByText('Nogen har ændret dette imens. Genindlæs og prøv igen.')).toBeVisible();
  await expect(page.getByLabel('Note (valgfri)')).toHaveValue('Mødet aftalte en samtale med forældrene');
  await checkA11y(page);
  await page.getByRole('button', { name: /^Hent den nyeste version/ }).click();
  await expect(page.getByLabel('Note (valgfri)')).toHaveValue('Rettet af en kollega');

  // The leader's unit view counts the joint assessment and lists the child for follow-up.
  await switchUser(page, demoUser('unitLeader'));
  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Trivsel i min enhed' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: `Trivsel i ${school}` })).toBeVisible();
  expect(before.latest?.round.id).toBe(round.id);
  await expect(page.getByTestId('count-latest-total')).toHaveText(String((before.latest?.total ?? 0) + 1));
  await expect(page.getByTestId('count-latest-yellow')).toHaveText(
    String((before.latest?.counts.yellow ?? 0) + 1),
  );
  const followUp = page.getByRole('table', { name: /gul eller rød position/ });
  const followRow = followUp.getByRole('row').filter({ hasText: childName });
  await expect(followRow).toContainText('Gul – øget opmærksomhed');
  await checkA11y(page);

  // The leader opens the assessment from the list and locks it.
  await followRow.getByRole('link', { name: `Åbn den fælles vurdering af ${childName}` }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Fælles vurdering af ${childName}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Lås vurdering' }).click();
  const lock = page.getByRole('dialog', { name: 'Lås vurderingen' });
  await checkA11y(page);
  await lock.getByRole('button', { name: 'Lås vurdering' }).click();
  await expect(lock).toBeHidden();
  await expect(page.getByText('Vurderingen er låst og kan ikke ændres.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Gem ændringer' })).toHaveCount(0);
  await checkA11y(page);

  // The child's profile shows the new joint assessment on the timeline.
  await page.getByRole('link', { name: 'Gå til barnets profil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: childName })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trivselsvurderinger' })).toBeVisible();
  const timeline = page.getByRole('table', { name: 'Barnets fælles vurderinger, nyeste først' });
  await expect(timeline.getByRole('row').nth(1)).toContainText(round.name);
  await expect(timeline.getByRole('row').nth(1)).toContainText('Gul – øget opmærksomhed');
  const grid = page.getByRole('table', { name: 'Hver faktors vurdering i barnets fælles vurderinger' });
  await expect(grid.getByRole('row').filter({ hasText: LOST_RELATIONS })).toContainText('Til stede');
  await checkA11y(page);
});

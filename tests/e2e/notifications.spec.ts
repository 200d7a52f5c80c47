import { type Browser, expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { demoUser, PASSWORD } from './helpers';

interface TChildProfile {
  id: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  households: { address: string; postalCode: string; city: string }[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function signIn(page: Page, role: string): Promise<void> {
  await page.context().clearCookies();
  const response = await page.request.post('/api/v1/auth/login', {
    data: { email: demoUser(role), password: PASSWORD },
  });
  expect(response.status(), `login as ${role}`).toBe(200);
}

/** A Demo child to tell about, read as the demo professional (who sees children through their unit). */
async function someChild(page: Page): Promise<TChildProfile> {
  await signIn(page, 'professional');
  const list = await page.request.get('/api/v1/children?pageSize=5');
  const items = (await list.json()).items as { id: string }[];
  const id = items[items.length - 1]?.id as string;
  const profile = (await (await page.request.get(`/api/v1/children/${id}`)).json()) as TChildProfile;
  await page.context().clearCookies();
  return profile;
}

/** axe needs JavaScript in the page; the public pages have none, so a JS-enabled tab sees the same HTML. */
async function axePublicPage(
  browser: Browser,
  url: string,
  fill?: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  if (fill) await fill(page);
  await expectNoA11yViolations(page);
  await context.close();
}

function danishDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}-${m}-${y}`;
}

test('a citizen notifies anonymously without JavaScript; the intake worker matches, assesses within the countdown and decides', async ({
  browser,
  page,
}) => {
  const child = await someChild(page);
  const childName = `${child.firstName} ${child.lastName}`;
  const home = child.households[0];
  const address = home ? `${home.address}, ${home.postalCode} ${home.city}` : 'Ukendt adresse 1, 9999 By';

  // The citizen: a browser with JavaScript switched off.
  const citizenContext = await browser.newContext({ javaScriptEnabled: false });
  const citizen = await citizenContext.newPage();
  await citizen.goto('/borger/demo/underretning');
  await expect(
    citizen.getByRole('heading', { level: 1, name: 'Underret kommunen om et barn' }),
  ).toBeVisible();
  await axePublicPage(browser, '/borger/demo/underretning');

  // Sending the form without what the authority needs brings it back with Danish messages.
  await citizen.getByRole('button', { name: 'Send underretning' }).click();
  await expect(
    citizen.getByRole('heading', { name: 'Underretningen er ikke sendt. Ret venligst:' }),
  ).toBeVisible();
  await expect(
    citizen.getByText('Angiv barnets CPR-nummer, eller navn, fødselsdato og adresse.').first(),
  ).toBeVisible();
  await expect(citizen.getByText('Skal udfyldes.').first()).toBeVisible();
  await expect(citizen).toHaveTitle(/^Fejl: /);
  await axePublicPage(browser, '/borger/demo/underretning', async (p) => {
    await p.getByRole('button', { name: 'Send underretning' }).click();
    await expect(
      p.getByRole('heading', { name: 'Underretningen er ikke sendt. Ret venligst:' }),
    ).toBeVisible();
  });

  await citizen.getByLabel('Barnets navn').fill(childName);
  await citizen.getByLabel('Barnets fødselsdato').fill(danishDate(child.birthDate));
  await citizen.getByLabel('Barnets adresse').fill(address);
  await citizen
    .getByLabel(/Hvad er du bekymret for\?/)
    .fill('Jeg hører ofte voldsomme råb og et barn, der græder, fra lejligheden sent om aftenen.');
  await citizen
    .getByLabel('Bilag (valgfrit)')
    .setInputFiles({ name: 'noter.pdf', mimeType: 'application/pdf', buffer: PDF });
  await citizen.getByLabel('Ja, jeg vil være anonym').check();
  await citizen.getByRole('button', { name: 'Send underretning' }).click();
  await expect(
    citizen.getByRole('heading', { level: 1, name: 'Tak. Vi har modtaget din underretning' }),
  ).toBeVisible();
  const reference = (await citizen.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^U-[0-9A-Z]{6}$/);
  await axePublicPage(browser, citizen.url());
  await citizenContext.close();

  // The intake worker finds it in the queue with its countdown.
  await signIn(page, 'caseworker');
  await page.goto('/underretninger');
  await expect(page.getByRole('heading', { level: 1, name: 'Underretninger' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toBeVisible();
  await expect(row.getByRole('timer')).toContainText(/2[0-4] t \d+ min \d+ s tilbage/);
  await expect(row).toContainText('Ikke matchet med et barn');
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);

  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Underretning ${reference}` })).toBeVisible();
  await expect(page.getByRole('link', { name: /noter\.pdf/ })).toBeVisible();
  await expect(page.getByRole('timer')).toContainText('tilbage');

  // Match: the children born on the date given are offered.
  await page
    .getByRole('button', { name: `Match med ${childName}` })
    .first()
    .click();
  await expect(page.getByText(`${childName} (`).first()).toBeVisible();
  await expect(page.getByText(/Matchet af /)).toBeVisible();
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);

  // A decision before the assessment is refused by the server.
  await page.getByRole('radio', { name: 'Børnefaglig undersøgelse (§ 20)' }).check();
  await page.getByRole('button', { name: 'Gem afgørelse' }).click();
  await expect(page.getByText('Underretningen er ikke vurderet endnu.', { exact: false })).toBeVisible();

  // The 24-hour assessment, within the countdown.
  const assessment = page.getByRole('radiogroup', { name: /sundhed eller udvikling i fare/ });
  await assessment.getByRole('radio', { name: 'Ja' }).check();
  await page
    .getByRole('radiogroup', { name: /akut handling/ })
    .getByRole('radio', { name: 'Nej' })
    .check();
  await page.getByLabel('Begrundelse (valgfri)').first().fill('Gentagne episoder; ikke akut fare i dag.');
  await page.getByRole('button', { name: 'Gem vurdering' }).click();
  await expect(page.getByText(/Vurderet af .* Inden for fristen\./)).toBeVisible();

  await page.getByRole('radio', { name: 'Børnefaglig undersøgelse (§ 20)' }).check();
  await page.getByRole('button', { name: 'Gem afgørelse' }).click();
  await expect(page.getByText(/Truffet af /)).toBeVisible();
  await expect(page.getByText('Børnefaglig undersøgelse (§ 20)').first()).toBeVisible();
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);

  // The § 20 decision leads on to a case, opened from the notification.
  await page.getByRole('link', { name: 'Åbn en sag fra underretningen' }).click();
  await expect(page).toHaveURL(/\/sager\?.*notificationId=/);
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoA11yViolations(page);
});

test('a professional files a notification and follows it; an admin sees the deadline settings', async ({
  page,
}) => {
  await signIn(page, 'professional');
  await page.goto('/mine-underretninger');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine underretninger' })).toBeVisible();
  await page.getByRole('link', { name: 'Ny underretning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny underretning' })).toBeVisible();
  await page.getByRole('button', { name: 'Send underretning' }).click();
  await expect(page.getByText('Angiv barnets CPR-nummer, eller navn, fødselsdato og adresse.')).toBeVisible();
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
  const unit = page.getByLabel('Fra enhed');
  if ((await unit.inputValue()) === '') await unit.selectOption({ index: 1 });
  await page.getByLabel('Jeg underretter som').selectOption('school');
  await page.getByLabel('Navn, fødselsdato og adresse').check();
  await page.getByLabel('Barnets navn').fill('Testbarn Testesen');
  await page.getByRole('textbox', { name: 'Fødselsdato', exact: true }).fill('03-04-2015');
  await page.getByRole('textbox', { name: 'Adresse', exact: true }).fill('Skolevej 3, 9999 By');
  await page.getByLabel(/Hvad er du bekymret for\?/).fill('Eleven fortæller om slag derhjemme.');
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: 'elevplan.pdf', mimeType: 'application/pdf', buffer: PDF });
  await expect(page.getByText('elevplan.pdf')).toBeVisible();
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Send underretning' }).click();
  await expect(page.getByText(/Underretningen er sendt\. Reference U-/)).toBeVisible();
  await expect(page.getByRole('table')).toContainText('Ikke afgjort endnu');
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);

  // From a child's profile: the child is identified by its record.
  const list = await page.request.get('/api/v1/children?pageSize=1');
  const kid = ((await list.json()).items as { id: string; firstName: string; lastName: string }[])[0];
  if (!kid) throw new Error('no child visible to the professional');
  await page.goto(`/boern/${kid.id}`);
  await page.getByRole('link', { name: 'Underret kommunen om barnet' }).click();
  await expect(page.getByText(`Underretningen handler om ${kid.firstName} ${kid.lastName}.`)).toBeVisible();
  const fromUnit = page.getByLabel('Fra enhed');
  if ((await fromUnit.inputValue()) === '') await fromUnit.selectOption({ index: 1 });
  await page.getByLabel('Jeg underretter som').selectOption('daycare');
  await page.getByLabel(/Hvad er du bekymret for\?/).fill('Barnet er bange for at gå hjem.');
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: 'Send underretning' }).click();
  await expect(page.getByText(/Underretningen er sendt\. Reference U-/)).toBeVisible();

  // The manager sees the overdue notifications escalated to them.
  await signIn(page, 'caseworkManager');
  await page.goto('/advarsler');
  await expect(
    page.getByText(/Underretning U-[0-9A-Z]{6} er ikke vurderet inden fristen/).first(),
  ).toBeVisible();
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);

  await signIn(page, 'admin');
  await page.goto('/admin/frister');
  await expect(page.getByRole('heading', { level: 1, name: 'Frister' })).toBeVisible();
  await expect(page.getByLabel('Kvittering til fagperson (hverdage)')).toHaveValue('6');
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
});

test('from a child’s profile the notification form starts from the child’s unit and the kind of notifier', async ({
  page,
}) => {
  await signIn(page, 'professional');
  const children = (await (await page.request.get('/api/v1/children?pageSize=1')).json()) as {
    items: { id: string }[];
  };
  const childId = children.items[0]?.id ?? '';
  const profile = (await (await page.request.get(`/api/v1/children/${childId}`)).json()) as {
    relation: { unitId: string };
    enrolments: { unitId: string; unitKind: string; toDate: string | null }[];
  };
  const enrolment = profile.enrolments.find((e) => e.unitId === profile.relation.unitId && !e.toDate);
  await page.goto(`/boern/${childId}`);
  await page.getByRole('link', { name: 'Underret kommunen om barnet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny underretning' })).toBeVisible();
  await expect(page.getByLabel('Fra enhed')).toHaveValue(profile.relation.unitId);
  const kind =
    { school: 'school', daycare: 'daycare', healthVisiting: 'health' }[enrolment?.unitKind ?? ''] ?? 'other';
  await expect(page.getByLabel('Jeg underretter som')).toHaveValue(kind);
  await page.mouse.move(1, 1);
  await expectNoA11yViolations(page);
});

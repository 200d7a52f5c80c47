import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

interface TVersionRow {
  id: string;
  version: number;
  status: 'draft' | 'published';
}

async function versions(page: Page): Promise<TVersionRow[]> {
  const response = await page.request.get('/api/v1/factor-catalogues');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { items: TVersionRow[] }).items;
}

/** The newest published version: the one the page shows first. */
async function currentVersion(page: Page): Promise<TVersionRow> {
  const current = (await versions(page)).find((v) => v.status === 'published');
  if (!current) throw new Error('the demo data has no published factor catalogue');
  return current;
}

const versionPicker = (page: Page) => page.getByRole('combobox', { name: 'Version' });
const chosenVersion = (page: Page) => versionPicker(page).locator('option:checked');

// Codes unique per run, so the test also passes against a server that has seen it before (E2E_BASE_URL).
const suffix = Date.now().toString(36).toUpperCase();
const NEW_CODE = `P-E2E-${suffix}`;
const THROWAWAY_CODE = `R-E2E-${suffix}`;

test('the admin reads the published catalogue, drafts a new version, adds a factor and publishes it', async ({
  page,
}) => {
  // A long story with an axe run at every step.
  test.slow();
  await apiLogin(page, demoUser('admin'));
  // A draft left by an earlier run against the same server would block "Ny kladde"; a fresh server has none.
  expect((await versions(page)).filter((v) => v.status === 'draft')).toEqual([]);
  const published = await currentVersion(page);
  const next = published.version + 1;

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Faktorkatalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Faktorkatalog' })).toBeVisible();
  await expect(page).toHaveTitle('Faktorkatalog – Beskyt');

  // The current published version is shown by default, grouped by kind and domain.
  await expect(chosenVersion(page)).toHaveText(
    new RegExp(`^Version ${published.version} – offentliggjort .*, gældende \\(\\d+ faktorer\\)$`),
  );
  await expect(page.getByRole('heading', { level: 2, name: /^Risikofaktorer \(\d+\)$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /^Beskyttelsesfaktorer \(\d+\)$/ })).toBeVisible();
  const parenting = page.getByRole('table', { name: 'Risikofaktorer: Forældrenes omsorgsevne' });
  const substance = parenting
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'R-PARENT-SUBSTANCE' }) });
  await expect(substance).toContainText('Misbrug hos forældre');
  await expect(substance).toContainText('0–17 år');
  await expect(substance).toContainText('Tryg opvækst, Familie og netværk');
  // The evidence note opens from its own labelled control.
  const note = substance.getByText(/higher risk of low wellbeing/);
  await expect(note).toBeHidden();
  const summary = substance.locator('summary');
  await expect(summary).toHaveText('Vis note til R-PARENT-SUBSTANCE');
  await summary.click();
  await expect(note).toBeVisible();
  // Published versions are read-only.
  await expect(page.getByRole('button', { name: /^Redigér / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tilføj faktor' })).toHaveCount(0);
  await expect(page.getByText('En offentliggjort version ændres aldrig.')).toBeVisible();
  await expectNoA11yViolations(page);

  // A new draft is a copy of the published version.
  await page.getByRole('button', { name: 'Ny kladde' }).click();
  await expect(page.getByText(`Kladden version ${next} er oprettet`)).toBeVisible();
  await expect(chosenVersion(page)).toHaveText(new RegExp(`^Version ${next} – kladde \\(\\d+ faktorer\\)$`));
  await expect(page).toHaveURL(/\?version=/);

  // A second draft is refused with the server's message, and the existing draft is offered.
  await versionPicker(page).selectOption({ index: 1 });
  await expect(chosenVersion(page)).toHaveText(new RegExp(`^Version ${published.version} – `));
  await page.getByRole('button', { name: 'Ny kladde' }).click();
  await expect(
    page.getByText('Der findes allerede en kladde. Redigér den eller offentliggør den først.'),
  ).toBeVisible();
  await expectNoA11yViolations(page);
  await page.getByRole('button', { name: `Åbn kladden (version ${next})` }).click();
  await expect(chosenVersion(page)).toHaveText(new RegExp(`^Version ${next} – kladde`));

  // Add a factor: the browser checks the code with the server's schema first.
  await page.getByRole('button', { name: 'Tilføj faktor' }).click();
  const add = page.getByRole('dialog', { name: `Tilføj faktor til version ${next}` });
  const code = add.getByRole('textbox', { name: 'Kode' });
  await expect(code).toBeFocused();
  await code.fill('lille');
  await add.getByRole('radio', { name: 'Beskyttelsesfaktor' }).check();
  await add.getByRole('combobox', { name: 'Område' }).selectOption({ label: 'Kammerater og fritid' });
  await add.getByRole('textbox', { name: 'Fra alder (år)' }).fill('6');
  await add.getByRole('textbox', { name: 'Til alder (år)' }).fill('17');
  await add.getByRole('textbox', { name: 'Betegnelse på dansk' }).fill('Går til spejder');
  await add.getByRole('textbox', { name: 'Betegnelse på engelsk' }).fill('Is a scout');
  await add.getByRole('textbox', { name: 'Evidensnote' }).fill('Organised leisure with adults protects.');
  await add.getByRole('checkbox', { name: 'Fællesskaber og fritid' }).check();
  await add.getByRole('button', { name: 'Tilføj faktor' }).click();
  await expect(code).toHaveAttribute('aria-invalid', 'true');
  await expect(code).toHaveAccessibleDescription(
    /Skal være store bogstaver, tal og bindestreger, fx P-FRITID\./,
  );
  await expect(code).toBeFocused();
  await expectNoA11yViolations(page);

  // A code the version already has: only the server knows, and its message lands on the field.
  await code.fill('P-ORGANISED-LEISURE');
  await add.getByRole('button', { name: 'Tilføj faktor' }).click();
  await expect(code).toHaveAccessibleDescription(/Koden findes allerede i denne version\./);

  await code.fill(NEW_CODE);
  await add.getByRole('button', { name: 'Tilføj faktor' }).click();
  await expect(add).toBeHidden();
  await expect(page.getByText(`Faktoren ${NEW_CODE} er tilføjet.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj faktor' })).toBeFocused();
  const leisure = page.getByRole('table', { name: 'Beskyttelsesfaktorer: Kammerater og fritid' });
  const added = leisure.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NEW_CODE }) });
  await expect(added).toContainText('Går til spejder');
  await expect(added).toContainText('6–17 år');
  await expect(added).toContainText('Fællesskaber og fritid');

  // Edit it; the keyboard returns to its edit button.
  await added.getByRole('button', { name: `Redigér ${NEW_CODE}` }).click();
  const edit = page.getByRole('dialog', { name: `Redigér ${NEW_CODE} i version ${next}` });
  await expect(edit.getByRole('textbox', { name: 'Kode' })).toHaveValue(NEW_CODE);
  await expect(edit.getByRole('checkbox', { name: 'Fællesskaber og fritid' })).toBeChecked();
  await edit.getByRole('textbox', { name: 'Betegnelse på dansk' }).fill('Går til spejder eller FDF');
  await expectNoA11yViolations(page);
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(edit).toBeHidden();
  await expect(added).toContainText('Går til spejder eller FDF');
  await expect(page.getByRole('button', { name: `Redigér ${NEW_CODE}` })).toBeFocused();

  // A factor added by mistake is removed after a confirmation.
  await page.getByRole('button', { name: 'Tilføj faktor' }).click();
  await add.getByRole('textbox', { name: 'Kode' }).fill(THROWAWAY_CODE);
  await add.getByRole('radio', { name: 'Risikofaktor' }).check();
  await add.getByRole('textbox', { name: 'Betegnelse på dansk' }).fill('Fejl');
  await add.getByRole('textbox', { name: 'Betegnelse på engelsk' }).fill('Mistake');
  await add.getByRole('button', { name: 'Tilføj faktor' }).click();
  await expect(add).toBeHidden();
  await page.getByRole('button', { name: `Fjern ${THROWAWAY_CODE}` }).click();
  const remove = page.getByRole('dialog', { name: `Fjern ${THROWAWAY_CODE}?` });
  await expect(remove).toContainText('Faktoren Fejl fjernes fra kladden');
  await expect(remove.getByRole('button', { name: 'Annullér' })).toBeFocused();
  await expectNoA11yViolations(page);
  await remove.getByRole('button', { name: 'Fjern faktor' }).click();
  await expect(remove).toBeHidden();
  await expect(page.getByText(`Faktoren ${THROWAWAY_CODE} er fjernet.`)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: THROWAWAY_CODE })).toHaveCount(0);

  // Publish, after a dialog that says what it means.
  await page.getByRole('button', { name: 'Offentliggør' }).click();
  const publish = page.getByRole('dialog', { name: `Offentliggør version ${next}?` });
  await expect(publish).toContainText('En offentliggjort version ændres aldrig igen.');
  await expect(publish).toContainText('Nye vurderingsrunder bruger den fra nu af');
  await expectNoA11yViolations(page);
  await publish.getByRole('button', { name: `Offentliggør version ${next}` }).click();
  await expect(publish).toBeHidden();
  await expect(
    page.getByText(`Version ${next} er offentliggjort og er nu den gældende version.`),
  ).toBeVisible();

  // The new version is the current one, read-only, with the new factor.
  await expect(page).not.toHaveURL(/version=/);
  await expect(chosenVersion(page)).toHaveText(
    new RegExp(`^Version ${next} – offentliggjort .*, gældende \\(\\d+ faktorer\\)$`),
  );
  await expect(page.getByText('Det er den gældende version: nye vurderingsrunder bruger den.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: NEW_CODE })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj faktor' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Redigér / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Offentliggør' })).toHaveCount(0);
  expect((await currentVersion(page)).version).toBe(next);
  await expectNoA11yViolations(page);

  // The older version is still there, and does not have the new factor.
  await versionPicker(page).selectOption({ index: 1 });
  await expect(chosenVersion(page)).toHaveText(new RegExp(`^Version ${published.version} – offentliggjort`));
  await expect(page.getByText('En ældre version.', { exact: false })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: NEW_CODE })).toHaveCount(0);
});

test('a professional reads the catalogue without any way to change it, in Danish and English', async ({
  page,
}) => {
  await apiLogin(page, demoUser('professional'));
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  // Among the professional's own pages, not under an "Administration" the professional has no part in.
  await expect(nav.getByRole('list', { name: 'Administration' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Faktorkatalog' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Faktorkatalog' })).toBeVisible();
  await expect(chosenVersion(page)).toHaveText(/^Version \d+ – offentliggjort .*, gældende/);
  await expect(page.getByRole('rowheader', { name: 'R-PARENT-SUBSTANCE' })).toBeVisible();

  await expect(page.getByRole('button', { name: 'Ny kladde' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tilføj faktor' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Offentliggør' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^(Redigér|Fjern) / })).toHaveCount(0);
  await expect(page.getByText('En offentliggjort version ændres aldrig.')).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The server refuses a change from this role as well.
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const refused = await page.request.post('/api/v1/factor-catalogues/draft', {
    headers: { 'x-csrf-token': me.csrfToken },
  });
  expect(refused.status()).toBe(403);

  // Labels, domains and themes follow the UI language. The cookie, not the switch: the switch would also
  // save the choice on this shared demo user.
  await page.context().addCookies([{ name: 'beskyt_lang', value: 'en', url: page.url() }]);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Factor catalogue' })).toBeVisible();
  const parenting = page.getByRole('table', { name: 'Risk factors: Parenting capacity' });
  const substance = parenting
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'R-PARENT-SUBSTANCE' }) });
  await expect(substance).toContainText('Parental substance abuse');
  await expect(substance).toContainText('0–17 years');
  await expect(substance).toContainText('Safe upbringing, Family and network');
  await expectNoA11yViolations(page);
});

test('the active item of the main menu keeps its contrast while the mouse is over it', async ({ page }) => {
  await apiLogin(page, demoUser('admin'));
  await page.goto('/admin/faktorer');
  await expect(page.getByRole('heading', { level: 1, name: 'Faktorkatalog' })).toBeVisible();
  const active = page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Faktorkatalog' });
  await expect(active).toHaveAttribute('aria-current', 'page');

  const background = () => active.evaluate((el) => getComputedStyle(el).backgroundColor);
  const resting = await background();
  await active.hover();
  // The hover style is in effect (else axe below would check nothing new) …
  await expect.poll(background).not.toBe(resting);
  // … and the text still reads at 4.5:1 or better.
  await expectNoA11yViolations(page);
});

test('a draft published elsewhere while a factor is being added: the server’s refusal is shown', async ({
  page,
}) => {
  await apiLogin(page, demoUser('admin'));
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  const headers = { 'x-csrf-token': me.csrfToken };
  const created = await page.request.post('/api/v1/factor-catalogues/draft', { headers });
  expect(created.status()).toBe(201);
  const draft = (await created.json()) as TVersionRow;

  await page.goto(`/admin/faktorer?version=${draft.id}`);
  await expect(chosenVersion(page)).toHaveText(new RegExp(`^Version ${draft.version} – kladde`));
  await page.getByRole('button', { name: 'Tilføj faktor' }).click();
  const add = page.getByRole('dialog', { name: `Tilføj faktor til version ${draft.version}` });
  await add.getByRole('textbox', { name: 'Kode' }).fill(`P-LATE-${suffix}`);
  await add.getByRole('textbox', { name: 'Betegnelse på dansk' }).fill('For sent');
  await add.getByRole('textbox', { name: 'Betegnelse på engelsk' }).fill('Too late');

  // Another admin publishes the draft meanwhile.
  const published = await page.request.post(`/api/v1/factor-catalogues/${draft.id}/publish`, { headers });
  expect(published.status()).toBe(200);

  await add.getByRole('button', { name: 'Tilføj faktor' }).click();
  await expect(add.getByText('En offentliggjort version kan ikke ændres. Opret en ny kladde.')).toBeVisible();
  // The typed factor is kept, and the page behind has turned read-only.
  await expect(add.getByRole('textbox', { name: 'Betegnelse på dansk' })).toHaveValue('For sent');
  await expectNoA11yViolations(page);
  await add.getByRole('button', { name: 'Annullér' }).click();
  await expect(add).toBeHidden();
  await expect(chosenVersion(page)).toHaveText(new RegExp(`^Version ${draft.version} – offentliggjort`));
  await expect(page.getByRole('button', { name: 'Tilføj faktor' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Redigér / })).toHaveCount(0);
});

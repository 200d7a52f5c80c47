import { expect, type Page, test } from '@playwright/test';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

async function csrfToken(page: Page): Promise<string> {
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { csrfToken: string };
  return me.csrfToken;
}

test('the admin creates a user, and a stale edit shows the server’s conflict message', async ({ page }) => {
  await apiLogin(page, demoUser('admin'));
  await page.goto('/admin/brugere');
  await expect(page.getByRole('heading', { level: 1, name: 'Brugere' })).toBeVisible();

  const email = `e2e-${Date.now()}@demo.beskyt.test`;
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  const create = page.getByRole('dialog', { name: 'Opret bruger' });
  await create.getByRole('textbox', { name: 'Navn' }).fill('Ellen Eksempel');
  await create.getByRole('textbox', { name: 'E-mail' }).fill(email);
  await create.getByRole('textbox', { name: 'Adgangskode', exact: true }).fill('kort');
  await create.getByLabel('Enhed for rolle 1').selectOption({ label: 'Bakkeskolen' });
  await create.getByRole('button', { name: 'Opret bruger' }).click();
  // The server names the field; the form shows its message on the password input.
  await expect(create.getByRole('textbox', { name: 'Adgangskode', exact: true })).toHaveAccessibleDescription(
    /\w/,
  );
  await expectNoA11yViolations(page);

  await create.getByRole('textbox', { name: 'Adgangskode', exact: true }).fill('en-lang-nok-adgangskode');
  await create.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(create).toBeHidden();

  await page.getByRole('searchbox', { name: 'Søg efter navn eller e-mail' }).fill(email);
  await page.getByRole('button', { name: 'Søg', exact: true }).click();
  const row = page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Fagperson (Bakkeskolen)');
  await expect(row).toContainText('Aktiv');

  await row.getByRole('button', { name: 'Redigér Ellen Eksempel' }).click();
  const edit = page.getByRole('dialog', { name: 'Redigér bruger' });
  await expect(edit.getByRole('textbox', { name: 'Navn' })).toHaveValue('Ellen Eksempel');
  await expectNoA11yViolations(page);

  // Someone else saves the same user while the dialog is open.
  const list = (await (await page.request.get(`/api/v1/users?q=${encodeURIComponent(email)}`)).json()) as {
    items: { id: string; version: number }[];
  };
  const user = list.items[0];
  if (!user) throw new Error('the new user is not in the list');
  const other = await page.request.patch(`/api/v1/users/${user.id}`, {
    headers: { 'x-csrf-token': await csrfToken(page) },
    data: { version: user.version, name: 'Ellen Eksempel-Andersen' },
  });
  expect(other.status()).toBe(200);

  await edit.getByRole('checkbox', { name: 'Aktiv' }).uncheck();
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(edit.getByText('Nogen har ændret dette imens. Genindlæs og prøv igen.')).toBeVisible();
  await expect(edit.getByRole('checkbox', { name: 'Aktiv' })).not.toBeChecked();
  await edit.getByRole('button', { name: 'Annullér' }).click();

  // The list was refreshed behind the dialog; a fresh edit succeeds.
  const fresh = page.getByRole('row').filter({ hasText: email });
  await fresh.getByRole('button', { name: 'Redigér Ellen Eksempel-Andersen' }).click();
  await edit.getByRole('checkbox', { name: 'Aktiv' }).uncheck();
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(edit).toBeHidden();
  await expect(fresh).toContainText('Deaktiveret');
});

test('the admin creates and renames a unit', async ({ page }) => {
  await apiLogin(page, demoUser('admin'));
  await page.goto('/admin/enheder');
  await expect(page.getByRole('heading', { level: 1, name: 'Enheder' })).toBeVisible();

  const name = `Testklubben ${Date.now()}`;
  await page.getByRole('button', { name: 'Opret enhed' }).click();
  const create = page.getByRole('dialog', { name: 'Opret enhed' });
  await create.getByRole('button', { name: 'Opret enhed' }).click();
  await expect(create.getByRole('textbox', { name: 'Navn' })).toHaveAttribute('aria-invalid', 'true');
  await create.getByRole('textbox', { name: 'Navn' }).fill(name);
  await create.getByLabel('Type').selectOption({ label: 'Fritid og klub' });
  await create.getByRole('button', { name: 'Opret enhed' }).click();
  await expect(create).toBeHidden();

  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('Fritid og klub');
  await row.getByRole('button', { name: `Redigér ${name}` }).click();
  const edit = page.getByRole('dialog', { name: 'Redigér enhed' });
  await edit.getByRole('textbox', { name: 'Navn' }).fill(`${name} Nord`);
  await edit.getByRole('button', { name: 'Gem' }).click();
  await expect(edit).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: `${name} Nord` })).toBeVisible();
  await expectNoA11yViolations(page);
});

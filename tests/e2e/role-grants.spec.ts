import { expect, test } from '@playwright/test';
import { me, switchUser } from './assessment-steps';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

test('a role that reaches children waits on the review page until the unit’s leader confirms it', async ({
  page,
}) => {
  // The school the demo leader leads.
  await apiLogin(page, demoUser('unitLeader'));
  const schoolId = (await me(page)).user.roles.find((r) => r.role === 'unitLeader')?.unitId ?? '';

  // The admin gives a new user a professional role there: it is only asked for.
  await switchUser(page, demoUser('admin'));
  const name = `Rita Rolle ${Date.now()}`;
  const created = await page.request.post('/api/v1/users', {
    headers: { 'x-csrf-token': (await me(page)).csrfToken },
    data: {
      name,
      email: `e2e-rolle-${Date.now()}@demo.beskyt.test`,
      password: 'en-lang-nok-adgangskode',
      roles: [{ role: 'professional', unitId: schoolId }],
    },
  });
  expect(created.status()).toBe(201);

  // The admin sees the request on the review page, but cannot confirm their own request.
  await page.goto('/admin/rolletildelinger');
  await expect(page.getByRole('heading', { level: 1, name: 'Rolletildelinger' })).toBeVisible();
  const asked = page.getByRole('row').filter({ hasText: name });
  await expect(asked).toContainText('Afventer');
  await expect(asked).toContainText('En anden skal bekræfte');
  await expect(asked.getByRole('button')).toHaveCount(0);
  await expectNoA11yViolations(page);

  // The school's leader confirms it from the same page.
  await switchUser(page, demoUser('unitLeader'));
  await page.goto('/admin/rolletildelinger');
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('button', { name: new RegExp(`^Bekræft .* til ${name}$`) })).toBeVisible();
  await expectNoA11yViolations(page);
  await row.getByRole('button', { name: new RegExp(`^Bekræft .* til ${name}$`) }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Rollen til ${name} er bekræftet.` }),
  ).toBeVisible();
  // Waiting requests only, by default: the confirmed one has left the list; "Alle" shows it with its decider.
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
  await page.getByLabel('Vis rolletildelinger').selectOption({ label: 'Alle' });
  const decided = page.getByRole('row').filter({ hasText: name });
  await expect(decided).toContainText('Bekræftet');
  const leader = (await (await page.request.get('/api/v1/auth/me')).json()) as { user: { name: string } };
  await expect(decided).toContainText(leader.user.name);
});

import { expect, type Page, test } from '@playwright/test';
import type { TFamilyView } from '../../src/shared/schemas/family-views';
import { checkA11y, switchUser } from './assessment-steps';
import { demoUser } from './helpers';

/** The first child in the user's list whose family view satisfies `fits`, read through the API. */
async function familyWhere(page: Page, fits: (view: TFamilyView) => boolean): Promise<TFamilyView> {
  const list = await page.request.get('/api/v1/children?pageSize=100');
  expect(list.status()).toBe(200);
  for (const child of ((await list.json()) as { items: { id: string }[] }).items) {
    const res = await page.request.get(`/api/v1/children/${child.id}/family`);
    if (res.status() !== 200) continue;
    const view = (await res.json()) as TFamilyView;
    if (fits(view)) return view;
  }
  throw new Error('no family of the kind sought');
}

test('a professional opens the family from a child’s profile and sees the siblings they reach', async ({
  page,
}) => {
  await switchUser(page, demoUser('professional'));
  const view = await familyWhere(page, (v) => v.members.length >= 2);
  const [child, sibling] = view.members as [TFamilyView['members'][number], TFamilyView['members'][number]];
  await page.goto(`/boern/${child.id}`);
  await page.getByRole('link', { name: 'Se hele familien' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Familien');
  const children = page.getByRole('table', { name: 'Børnene' });
  await expect(
    children.getByRole('rowheader', { name: `${child.firstName} ${child.lastName}` }),
  ).toBeVisible();
  await expect(
    children.getByRole('rowheader', { name: `${sibling.firstName} ${sibling.lastName}` }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Hvem familien kan kontakte' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Familiens netværk' })).toBeVisible();
  await checkA11y(page);
});

test('a unit leader sees a sibling they have no relation to only counted', async ({ page }) => {
  await switchUser(page, demoUser('unitLeader'));
  const view = await familyWhere(page, (v) => v.otherChildren > 0);
  await page.goto(`/boern/${view.childId}/familie`);
  const children = page.getByRole('table', { name: 'Børnene' });
  await expect(children.getByRole('row')).toHaveCount(view.members.length + 1);
  await expect(
    page.getByText(/Familien har \d+ (barn|børn) mere, som du ikke har adgang til\./),
  ).toBeVisible();
  await checkA11y(page);
});

test('a professional records that network involvement was considered, not now and why', async ({ page }) => {
  await switchUser(page, demoUser('professional'));
  const view = await familyWhere(page, (v) => v.members.length >= 1);
  await page.goto(`/boern/${view.childId}`);
  const section = page.getByRole('region', { name: 'Netværk' });
  await section.getByLabel('Beslutning').selectOption({ label: 'Ikke nu' });
  await section.getByRole('button', { name: 'Registrér overvejelse' }).click();
  // The reason is asked for first: the field is required for "not now" and is marked invalid, nothing saved.
  await expect(section.getByRole('textbox', { name: 'Hvorfor ikke nu?' })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await section
    .getByRole('textbox', { name: 'Hvorfor ikke nu?' })
    .fill('Forældrene vil først tale med skolen');
  await section.getByRole('button', { name: 'Registrér overvejelse' }).click();
  const table = section.getByRole('table', { name: 'Overvejet netværksinddragelse' });
  await expect(table).toContainText('Forældrene vil først tale med skolen');
  await expect(table).toContainText('Ikke nu');
  await checkA11y(page);
});

import { expect, type Page, test } from '@playwright/test';
import { decodeMeasurement, type TMeasurementWire } from '../../src/shared/measurement-wire';
import { expectNoA11yViolations } from './axe';
import { apiLogin, demoUser } from './helpers';

interface TRow {
  keys: Record<string, string>;
  labels: Record<string, string>;
  summary: { n: number; mean: number | null } | null;
  suppressed: 'primary' | 'complementary' | null;
}

/** The figures the logged-in user may see, straight from the API, to know what the page should show. */
async function measurementRows(page: Page, query: string): Promise<TRow[]> {
  const response = await page.request.get(`/api/v1/measurement?${query}`);
  expect(response.status()).toBe(200);
  return decodeMeasurement((await response.json()) as TMeasurementWire).rows as TRow[];
}

/** "2026H1" → "1. halvår 2026", as the page names periods. */
function periodName(period: string): string {
  const m = /^(\d{4})H([12])$/.exec(period);
  return m ? `${m[2]}. halvår ${m[1]}` : period;
}

const SHARE = /\d{1,3},\d\s%/;
const INTERVAL = /\d{1,3},\d–\d{1,3},\d\s%/;

test('the analyst follows the trend per theme, compares units, reads a definition and exports XLSX', async ({
  page,
}) => {
  await apiLogin(page, demoUser('analyst'));
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await nav.getByRole('link', { name: 'Måleparameter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Måleparameter' })).toBeVisible();
  // The pointer leaves the menu: axe judges the colours at rest, not those under the mouse.
  await page.mouse.move(900, 10);
  await expect(page).toHaveTitle('Måleparameter – Beskyt');
  // The definitions are on the page whether or not there are figures yet.
  await expect(page.getByRole('complementary', { name: 'Sådan læses tallene' })).toContainText('Dækning');

  const periodRows = await measurementRows(page, 'groupBy=period');
  const periods = periodRows.map((r) => r.keys.period).sort();
  if (periods.length === 0) {
    // Before any joint assessment: a helpful empty state, nothing to export.
    await expect(page.getByTestId('measurement-empty')).toContainText('Der er endnu ingen tal');
    await expect(page.getByRole('link', { name: 'Eksportér XLSX' })).toHaveCount(0);
    await expectNoA11yViolations(page);
    return;
  }
  // The page opens on the newest period with figures shown — not a newer one where every figure is hidden.
  const withFigures = periodRows
    .filter((r) => r.summary)
    .map((r) => r.keys.period)
    .sort();
  const latest = withFigures[withFigures.length - 1] ?? periods[periods.length - 1] ?? '';
  await expect(page.getByRole('status').filter({ hasText: 'Viser' })).toContainText(
    `– ${periodName(latest)} for`,
  );

  // Trend per theme: the chart with its text alternative and the same figures as a table.
  await expect(page.getByRole('heading', { level: 2, name: 'Udvikling pr. tema' })).toBeVisible();
  await expect(page.getByRole('img', { name: /^Beskyttelsesandel pr\. tema over tid/ })).toBeVisible();
  const trend = page.getByRole('table', { name: 'Beskyttelsesandel pr. tema og periode' });
  const allRow = trend.getByRole('row').filter({ hasText: 'Alle beskyttelsesfaktorer' }).first();
  await expect(allRow).toContainText(SHARE);
  await expect(allRow).toContainText(INTERVAL);
  // The axis fits the figures: it holds every interval in the table, and leaves out an empty 0 % when it can.
  const ends = ((await trend.textContent()) ?? '').match(/\d{1,3},\d–\d{1,3},\d/g) ?? [];
  const bounds = ends.flatMap((e) => e.split('–').map((v) => Number(v.replace(',', '.')) / 100));
  const ticks = await page
    .locator('[data-testid="trend-axis"] [data-tick]')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-tick'))));
  expect(Math.min(...ticks)).toBeLessThanOrEqual(Math.min(...bounds));
  expect(Math.max(...ticks)).toBeGreaterThanOrEqual(Math.max(...bounds));
  if (Math.min(...bounds) > 0.1) expect(Math.min(...ticks)).toBeGreaterThan(0);
  await expectNoA11yViolations(page);

  // Theme profile for the latest period.
  await expect(page.getByRole('heading', { level: 2, name: 'Temaprofil' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Søjlediagram over beskyttelsesandel pr\. tema/ }),
  ).toBeVisible();

  // Units side by side with n, mean, interval, coverage and the change since the first period.
  const units = await measurementRows(page, `groupBy=unit&themes=all&periods=${latest}`);
  const comparison = page.getByRole('table', { name: /^Enheder, Alle beskyttelsesfaktorer/ });
  await expect(comparison.getByRole('row')).toHaveCount(units.length + 1);
  const shown = units.find((r) => r.summary);
  if (shown) {
    const row = comparison
      .getByRole('row')
      .filter({ hasText: shown.labels.unit ?? '' })
      .first();
    await expect(row).toContainText(SHARE);
    await expect(row).toContainText(INTERVAL);
  }
  // A change needs a unit with figures in the latest period; a new period can start with every unit suppressed.
  if (periods.length > 1 && shown) await expect(comparison).toContainText(/signifikant/);
  if (units.some((r) => r.suppressed === 'primary')) {
    await expect(comparison).toContainText('skjult (færre end 5 børn)');
  }

  // A definition beside the figure, opened and closed with the keyboard.
  const hint = comparison.getByRole('button', { name: 'Hvad betyder Dækning?' });
  await hint.focus();
  await page.keyboard.press('Enter');
  const definition = page.getByRole('dialog', { name: 'Dækning' });
  await expect(definition).toContainText('Andelen af børnene i gruppen');
  await expectNoA11yViolations(page);
  await page.keyboard.press('Escape');
  await expect(definition).toBeHidden();
  await expect(hint).toBeFocused();

  // Districts instead of units.
  // Districts instead of units: the districts' own rows, named, never the units' rows left over.
  const districts = await measurementRows(page, `groupBy=district&themes=all&periods=${latest}`);
  await page.getByRole('radio', { name: 'Distrikter' }).check();
  const byDistrict = page.getByRole('table', { name: /^Distrikter, Alle beskyttelsesfaktorer/ });
  await expect(byDistrict).toBeVisible();
  await expect(page).toHaveURL(/compare=district/);
  await expect(byDistrict.getByRole('row')).toHaveCount(districts.length + 1);
  for (const d of districts)
    await expect(
      byDistrict.getByRole('rowheader', { name: d.labels.district ?? 'Uden distrikt' }),
    ).toBeVisible();
  await page.getByRole('radio', { name: 'Enheder' }).check();
  await expect(comparison.getByRole('row')).toHaveCount(units.length + 1);
  await expect(comparison.getByRole('rowheader', { name: 'Uden distrikt' })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Distrikter' }).check();
  await expect(byDistrict.getByRole('row')).toHaveCount(districts.length + 1);

  // A narrower population; the export carries the same filters.
  await page.getByLabel('Køn').selectOption({ label: 'Piger' });
  await page.getByRole('button', { name: 'Vis tal' }).click();
  await expect(page).toHaveURL(/gender=female/);
  await expect(page.getByRole('status').filter({ hasText: 'Viser' })).toContainText('Hele kommunen, piger');
  const exportTrend = page.getByRole('group', { name: 'Eksportér udviklingen pr. tema' });
  const xlsx = exportTrend.getByRole('link', { name: 'Eksportér XLSX' });
  await expect(xlsx).toHaveAttribute('href', /format=xlsx/);
  await expect(xlsx).toHaveAttribute('href', /genders=female/);
  await expect(xlsx).toHaveAttribute('href', /groupBy=theme%2Cperiod/);
  const downloading = page.waitForEvent('download');
  await xlsx.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  await expectNoA11yViolations(page);

  // English follows the language switch, numbers included.
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Measurement parameter' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Trend per theme' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Protective share per theme and period' })).toContainText(
    /\d{1,3}\.\d%/,
  );
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Måleparameter' })).toBeVisible();
});

test('a unit leader sees only the units they lead', async ({ page }) => {
  await apiLogin(page, demoUser('unitLeader'));
  const me = (await (await page.request.get('/api/v1/auth/me')).json()) as {
    user: { roles: { role: string; unitName: string | null }[] };
  };
  const own = me.user.roles.filter((r) => r.role === 'unitLeader').map((r) => r.unitName ?? '');
  expect(own.length).toBeGreaterThan(0);

  await page.goto('/');
  await page
    .getByRole('navigation', { name: 'Hovedmenu' })
    .getByRole('link', { name: 'Måleparameter' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Måleparameter' })).toBeVisible();
  await page.mouse.move(900, 10);

  const periods = await measurementRows(page, 'groupBy=period');
  if (periods.length === 0) {
    await expect(page.getByTestId('measurement-empty')).toContainText('dine enheder');
    await expectNoA11yViolations(page);
    return;
  }
  // The server holds the leader to their units; the page offers nothing else to choose.
  await expect(page.getByLabel('Enhed')).toBeVisible();
  const options = await page.getByLabel('Enhed').locator('option').allTextContents();
  expect(options).toEqual(['Alle mine enheder', ...own.sort()]);
  await expect(page.getByRole('radio', { name: 'Distrikter' })).toHaveCount(0);

  const comparison = page.getByRole('table', { name: /^Enheder, Alle beskyttelsesfaktorer/ });
  const rowHeaders = comparison.getByRole('rowheader');
  await expect(rowHeaders).toHaveCount(own.length);
  expect((await rowHeaders.allTextContents()).sort()).toEqual(own.sort());
  await expect(page.getByRole('status').filter({ hasText: 'Viser' })).toContainText('Alle mine enheder');
  await expectNoA11yViolations(page);
});

test('a professional has no measurement menu item and no access at /maaling', async ({ page }) => {
  await apiLogin(page, demoUser('professional'));
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link', { name: 'Børn', exact: true })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Måleparameter' })).toHaveCount(0);

  await page.goto('/maaling');
  await expect(page.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  const direct = await page.request.get('/api/v1/measurement?groupBy=period');
  expect(direct.status()).toBe(403);
  await expectNoA11yViolations(page);
});

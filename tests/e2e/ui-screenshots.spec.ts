import { mkdir } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { apiLogin, demoUser } from './helpers';

/**
 * Writes the screenshots of docs/ui.md: each role's first page at 1366 and 390 px. Not part of the suite —
 * run `UI_SCREENSHOTS=1 npx playwright test tests/e2e/ui-screenshots.spec.ts` after a visual change.
 */
test.skip(!process.env.UI_SCREENSHOTS, 'writes docs/ui screenshots only when asked (UI_SCREENSHOTS=1)');

const PAGES: [role: string, path: string][] = [
  ['professional', '/'],
  ['unitLeader', '/'],
  ['caseworker', '/'],
  ['caseworkManager', '/'],
  ['analyst', '/maaling'],
  ['admin', '/'],
  ['partner', '/henvisninger'],
  ['reviewer', '/'],
];

test('each role’s main page at 1366 and 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  await mkdir('docs/ui', { recursive: true });
  for (const [role, path] of PAGES) {
    await apiLogin(page, demoUser(role));
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.waitForLoadState('networkidle');
      await page.screenshot({ path: `docs/ui/${role}-${width}.png`, fullPage: false });
    }
  }
});

import { expect, type Page, test } from '@playwright/test';
import { apiLogin, demoUser, firstVisibleChild } from './helpers';

/**
 * The pages a professional uses, on a phone (issue 14, item 5): at 390 px nothing scrolls sideways — wide
 * tables scroll inside their own box, forms and headers wrap.
 */
async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

test.use({ viewport: { width: 390, height: 844 } });

test('a professional’s pages fit a 390 px phone', async ({ page }) => {
  await apiLogin(page, demoUser('professional'));
  const child = await firstVisibleChild(page);
  const rounds = (
    (await (await page.request.get('/api/v1/assessment-rounds')).json()) as {
      items: { id: string; status: string; units: { id: string }[] }[];
    }
  ).items;
  const open = rounds.find((r) => r.status === 'open');
  if (!open) throw new Error('the demo has no open round');
  const unit = open.units[0]?.id ?? '';
  const pages: [string, string | RegExp][] = [
    ['/', /^Velkommen/],
    ['/boern', 'Børn'],
    [`/boern/${child.id}`, `${child.firstName} ${child.lastName}`],
    ['/runder', 'Vurderingsrunder'],
    [`/runder/${open.id}/enheder/${unit}`, /–/],
    [`/runder/${open.id}/boern/${child.id}/vurdering`, /vurdering af/],
    ['/mit-arbejde', /.+/],
    ['/moeder', /.+/],
    ['/bekymringer/ny', /.+/],
  ];
  const wide: string[] = [];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('networkidle');
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) {
      const culprits = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
          .filter(
            (el) => ![...el.children].some((c) => c.getBoundingClientRect().right > window.innerWidth + 1),
          )
          .slice(0, 6)
          .map(
            (el) =>
              `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.textContent?.slice(0, 30)}] r=${Math.round(el.getBoundingClientRect().right)}`,
          ),
      );
      wide.push(`${path}: ${overflow}px ${culprits.join(' | ')}`);
    }
  }
  expect(wide).toEqual([]);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import type { TLearning } from '../../../shared/schemas/offer-learning.ts';

/** The demo's learning history (issue 15, items 9 and 10): at least two offers shown with n ≥ 5, one hidden. */
let t: TTestApp;

beforeAll(async () => {
  t = await startTestApp({ children: 300 });
}, 180_000);
afterAll(async () => {
  await t?.close();
});

describe('the demo learning history', () => {
  it('shows at least two offers with five or more children and hides the small one', async () => {
    const leader = await t.login('unitLeader@demo.beskyt.test');
    const res = await t.as(leader, 'GET', '/api/v1/offers/learning');
    expect(res.statusCode, res.body).toBe(200);
    const body: TLearning = res.json();
    const shown = body.offers.filter((o) => !o.starters.overall.hidden && (o.starters.overall.n ?? 0) >= 5);
    expect(shown.map((o) => o.name)).toEqual(
      expect.arrayContaining(['Familieven', 'Fællesspisning for familier']),
    );
    for (const o of shown) expect(o.reference.overall.hidden).toBe(false);
    const small = body.offers.find((o) => o.name === 'Forældretelefonen');
    expect(small?.started).toBeGreaterThan(0);
    expect(small?.starters.overall.hidden).toBe(true);
  });
});

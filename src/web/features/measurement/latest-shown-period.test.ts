import { describe, expect, it } from 'vitest';
import { latestShownPeriod } from './latest-shown-period.ts';

const row = (period: string, shown: boolean) => ({ keys: { period }, summary: shown ? { n: 40 } : null });

describe('the period the measurement page opens on', () => {
  it('is the latest period with figures shown, not a newer one where every figure is hidden', () => {
    expect(latestShownPeriod([row('2025H2', true), row('2026H1', true), row('2026H2', false)])).toBe(
      '2026H1',
    );
  });

  it('is the latest period when its figures are shown', () => {
    expect(latestShownPeriod([row('2026H2', true), row('2026H1', true)])).toBe('2026H2');
  });

  it('is none when no period has figures shown (the page then opens on all periods)', () => {
    expect(latestShownPeriod([row('2026H1', false)])).toBeUndefined();
  });
});

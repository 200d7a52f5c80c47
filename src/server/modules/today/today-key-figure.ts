import { decodeMeasurement } from '../../../shared/measurement-wire.ts';
import type { TTodayKeyFigure } from '../../../shared/schemas/today.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { findMeasurement } from '../measurement/find-measurement.ts';

/**
 * The municipality's protective share in the newest period that has figures, as the measurement answers it —
 * through its disclosure control, so the first page never shows what the dashboard would hide.
 */
export const todayKeyFigure = defineUseCase(
  'read:measurement:municipality',
  async (ctx): Promise<TTodayKeyFigure | null> => {
    const { rows } = decodeMeasurement(await findMeasurement(ctx, { groupBy: ['period'] }));
    const newest = rows
      .filter((r) => r.summary && r.summary.mean !== null)
      .sort((a, b) => (b.keys.period ?? '').localeCompare(a.keys.period ?? ''))[0];
    if (!newest?.summary || newest.summary.mean === null) return null;
    return {
      period: newest.keys.period ?? '',
      n: newest.summary.n,
      mean: newest.summary.mean,
      ci95: newest.summary.ci95,
      coverage: newest.summary.coverage,
    };
  },
);

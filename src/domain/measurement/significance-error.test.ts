import { describe, expect, it } from 'vitest';
import { cellOf, summarise } from './rollup.ts';
import { mulberry32, PILED_MODELS, SPREAD_MODELS, sample } from './share-samples.ts';
import { changeIsSignificant } from './significance.ts';

/**
 * Issue 12: with no change at all — two independent samples of the same population — "significant
 * change" may be shown at most 5 % of the time, also for few children and shares piled at 1.0.
 */
const PAIRS = [
  [5, 5],
  [8, 8],
  [15, 15],
  [30, 30],
  [5, 30],
  [8, 15],
] as const;
const RUNS = 4000;

describe('significant change when nothing changed', () => {
  const models = [...PILED_MODELS, ...SPREAD_MODELS];
  it.each(
    models.flatMap((model, m) =>
      PAIRS.map(([n1, n2], p) => [model.name, n1, n2, model, 7919 * m + p] as const),
    ),
  )('%s, n = %s and %s: shown at most 5 %% of the time', (name, n1, n2, model, seed) => {
    const rng = mulberry32(seed);
    const xs: number[] = [];
    let significant = 0;
    for (let r = 0; r < RUNS; r++) {
      const a = summarise(cellOf(sample(model, n1, rng, xs)));
      const b = summarise(cellOf(sample(model, n2, rng, xs)));
      if (changeIsSignificant(a, b)) significant++;
    }
    const rate = significant / RUNS;
    console.log(`false positives ${(100 * rate).toFixed(2)} %  n = ${n1} vs ${n2}  ${name}`);
    expect(rate).toBeLessThanOrEqual(0.05);
  });
});

/**
 * Micro-benchmark of summariseInto, the per-cell step of the measurement hot path (decision 020):
 * `npx tsx tests/bench/summarise-into.ts`. Prints ns per call for
 *  - before: the clamped t-interval as it was (inlined here, from t-quantile.ts),
 *  - cold: every cell's interval computed (cache misses: a dashboard's first answer),
 *  - warm: the same cells again (cache hits: the same dashboard asked again),
 *  - large cells: n in the thousands, where the continued fraction takes longest.
 * Times are CPU time per call; the wall time beside them shows how busy the machine was.
 * Cells are shaped like P1's (theme × unit × period at Copenhagen scale: ~41,000 cells, n mostly
 * 5–400, sums of shares k/m).
 */

import { newFigures, summariseInto, type TFigures } from '../../src/domain/measurement/rollup.ts';
import { computeShareInterval } from '../../src/domain/measurement/share-interval.ts';
import { mulberry32 } from '../../src/domain/measurement/share-samples.ts';
import { tQuantile975 } from '../../src/domain/measurement/t-quantile.ts';

const CELLS = 41_350;

function makeCells(seed: number, minN: number, maxN: number, count: number) {
  const rng = mulberry32(seed);
  const n = new Float64Array(count);
  const sum = new Float64Array(count);
  const sumSq = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const size = Math.round(minN * (maxN / minN) ** rng());
    const m = 3 + Math.floor(rng() * 6);
    const p = 0.5 + 0.5 * rng();
    let s = 0;
    let s2 = 0;
    for (let c = 0; c < size; c++) {
      let k = 0;
      for (let f = 0; f < m; f++) if (rng() < p) k++;
      s += k / m;
      s2 += (k / m) ** 2;
    }
    n[i] = size;
    sum[i] = s;
    sumSq[i] = s2;
  }
  return { n, sum, sumSq };
}

// The interval as it was before decision 020, for the "before" figure.
function summariseIntoBefore(out: TFigures, n: number, sum: number, sumSq: number): TFigures {
  out.n = n;
  out.coverage = Number.NaN;
  out.mean = Math.min(1, Math.max(0, sum / n));
  if (n < 2) {
    out.sd = Number.NaN;
    out.lo = Number.NaN;
    out.hi = Number.NaN;
    return out;
  }
  const m2 = sumSq - (sum * sum) / n;
  const sd = Math.sqrt((m2 <= 1e-12 * sumSq ? 0 : m2) / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  out.sd = sd;
  out.lo = Math.min(1, Math.max(0, out.mean - half));
  out.hi = Math.min(1, Math.max(0, out.mean + half));
  return out;
}

type TCells = ReturnType<typeof makeCells>;
let sink = 0;

/** ns per call, as CPU time of this process (on a shared machine wall time mostly measures the others). */
function time(label: string, cells: TCells, passes: number, step: (f: TFigures, i: number) => void): void {
  const f = newFigures();
  const count = cells.n.length;
  const wall = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let p = 0; p < passes; p++)
    for (let i = 0; i < count; i++) {
      step(f, i);
      sink += f.lo;
    }
  const used = process.cpuUsage(cpu);
  const cpuNs = ((used.user + used.system) * 1000) / (passes * count);
  const wallNs = Number(process.hrtime.bigint() - wall) / (passes * count);
  console.log(`${label.padEnd(48)} ${cpuNs.toFixed(0).padStart(6)} ns CPU  (${wallNs.toFixed(0)} ns wall)`);
}

const typical = makeCells(1, 5, 400, CELLS);
const large = makeCells(2, 2000, 50_000, 500);
const interval = { lo: 0, hi: 0 };

// Warm up the JIT on other cells, so the first timed pass is not the compiler's.
const warmup = makeCells(3, 5, 400, 5000);
for (let i = 0; i < 5000; i++) {
  computeShareInterval(interval, warmup.n[i] as number, warmup.sum[i] as number);
  summariseIntoBefore(
    newFigures(),
    warmup.n[i] as number,
    warmup.sum[i] as number,
    warmup.sumSq[i] as number,
  );
}

for (let round = 1; round <= 3; round++) {
  console.log(`round ${round}`);
  time('before: clamped t-interval', typical, 20, (f, i) => {
    summariseIntoBefore(f, typical.n[i] as number, typical.sum[i] as number, typical.sumSq[i] as number);
  });
  time('cold: share interval computed, n 5–400', typical, 3, (f, i) => {
    computeShareInterval(f, typical.n[i] as number, typical.sum[i] as number);
  });
  time('warm: summariseInto, cached, n 5–400', typical, 20, (f, i) => {
    summariseInto(f, typical.n[i] as number, typical.sum[i] as number, typical.sumSq[i] as number);
  });
  time('cold: share interval computed, n 2,000–50,000', large, 3, (f, i) => {
    computeShareInterval(f, large.n[i] as number, large.sum[i] as number);
  });
}
if (sink === 42) console.log('');

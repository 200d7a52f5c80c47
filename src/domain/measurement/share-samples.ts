/**
 * Seeded samples of protective shares for the interval and significance simulations (tests and the
 * micro-benchmark). Not used in production: a fixed seed makes a simulated coverage figure
 * reproducible, so a test on it can fail only when the method changes.
 */

/** mulberry32: a small 32-bit generator, uniform on [0, 1). Plenty for coverage simulations. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rng: () => number): number {
  // Box–Muller; 1 − u keeps the logarithm finite.
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** Marsaglia–Tsang; shape < 1 through the boost Gamma(a) = Gamma(a + 1) · U^(1/a). */
function gamma(rng: () => number, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * (1 - rng()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/** A distribution of one child's share on [0, 1], with its true mean. */
export interface TShareModel {
  name: string;
  mean: number;
  draw: (rng: () => number) => number;
}

export const bernoulli = (p: number): TShareModel => ({
  name: `binary, p = ${p}`,
  mean: p,
  draw: (rng) => (rng() < p ? 1 : 0),
});

export const beta = (a: number, b: number): TShareModel => ({
  name: `Beta(${a}, ${b})`,
  mean: a / (a + b),
  draw: (rng) => {
    const x = gamma(rng, a);
    return x / (x + gamma(rng, b));
  },
});

/** Shares k/m with the given probabilities of k = 0..m: a theme with m assessed factors. */
export const discrete = (name: string, weights: readonly number[]): TShareModel => {
  const m = weights.length - 1;
  const total = weights.reduce((s, w) => s + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  return {
    name,
    mean: weights.reduce((s, w, k) => s + (w / total) * (k / m), 0),
    draw: (rng) => {
      const u = rng();
      const k = cumulative.findIndex((c) => u < c);
      return (k === -1 ? m : k) / m;
    },
  };
};

/** k/m with k ~ Binomial(m, p): every factor present independently with probability p. */
export const binomialShares = (m: number, p: number): TShareModel => {
  const weights = Array.from({ length: m + 1 }, (_, k) => choose(m, k) * p ** k * (1 - p) ** (m - k));
  return discrete(`k/${m}, k ~ Bin(${m}, ${p})`, weights);
};

function choose(m: number, k: number): number {
  let c = 1;
  for (let i = 1; i <= k; i++) c = (c * (m - k + i)) / i;
  return c;
}

/** The scenarios of issue 12: shares piled at 0 and 1 or all near 1.0, and spread shares. */
export const PILED_MODELS: readonly TShareModel[] = [
  bernoulli(0.5),
  bernoulli(0.9),
  bernoulli(0.97),
  bernoulli(0.03),
  // A theme of six factors where most children have all of them: 85 % at 6/6, the rest at 5/6 or 4/6.
  discrete('k/6 piled at 1.0 (85 % at 6/6)', [0, 0, 0, 0, 0.05, 0.1, 0.85]),
  discrete('k/4 piled at 0 and 1', [0.3, 0.05, 0, 0.05, 0.6]),
];

export const SPREAD_MODELS: readonly TShareModel[] = [
  beta(2, 2),
  beta(5, 1.5),
  beta(0.5, 0.5),
  binomialShares(6, 0.7),
  binomialShares(6, 0.95),
  discrete('k/6 uniform', [1, 1, 1, 1, 1, 1, 1]),
];

export function sample(model: TShareModel, n: number, rng: () => number, into: number[] = []): number[] {
  into.length = n;
  for (let i = 0; i < n; i++) into[i] = model.draw(rng);
  return into;
}

/**
 * The Beta distribution's special functions, for the intervals of shares (share-interval.ts): the log
 * gamma function, the regularised incomplete beta function I_x(a, b) and its inverse. Written here
 * rather than taken from a package because the measurement hot path needs them allocation-free and
 * the interval's guarantee rests on them, so they are tested against reference values in this repo.
 * All functions take plain numbers and allocate nothing.
 */

// Lanczos coefficients for g = 671/128 (Numerical Recipes, 3rd ed., §6.1): |error| < 1e-15 for x > 0.
const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202, 0.00003399464998481189,
  0.00004652362892704858, -0.00009837447530487956, 0.0001580887032249125, -0.00021026444172410488,
  0.00021743961811521265, -0.0001643181065367639, 0.00008441822398385275, -0.000026190838401581408,
  0.0000036899182659531625,
] as const;
const SQRT_2PI = 2.5066282746310007;

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (!(x > 0)) throw new RangeError(`lnGamma needs x > 0, got ${x}`);
  let y = x;
  const tmp = x + 5.2421875;
  let series = 0.9999999999999971;
  for (let j = 0; j < 14; j++) series += (LANCZOS[j] as number) / ++y;
  return (x + 0.5) * Math.log(tmp) - tmp + Math.log(SQRT_2PI * series) - Math.log(x);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function lnBeta(a: number, b: number): number {
  return lnGamma(a) + lnGamma(b) - lnGamma(a + b);
}

const TINY = 1e-300;
const CF_EPS = 1e-15;
// Iterations grow like √max(a, b); 10⁵ children in one cell need a few hundred.
const CF_MAX = 100_000;

/**
 * The continued fraction for I_x(a, b) (modified Lentz; Numerical Recipes §6.4). It converges fast
 * for x < (a + 1) / (a + b + 2); the callers use the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) otherwise.
 */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= CF_MAX; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) <= CF_EPS) return h;
  }
  return h;
}

/**
 * I_x(a, b), with ln B(a, b) supplied by a caller that evaluates it many times for the same a and b.
 * A lower tail far below 1 keeps its relative precision (no 1 − (1 − p)).
 */
export function incompleteBetaWith(x: number, a: number, b: number, lnB: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(a * Math.log(x) + b * Math.log1p(-x) - lnB);
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** The regularised incomplete beta function I_x(a, b) = P(X ≤ x) for X ~ Beta(a, b); a, b > 0. */
export function incompleteBeta(x: number, a: number, b: number): number {
  checkShapes(a, b);
  if (Number.isNaN(x)) throw new RangeError('x must be a number');
  return incompleteBetaWith(x, a, b, lnBeta(a, b));
}

function checkShapes(a: number, b: number): void {
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b)))
    throw new RangeError(`Beta shapes must be positive and finite, got ${a} and ${b}`);
}

/** The quantile function of Beta(a, b): the x with I_x(a, b) = p (as near as doubles near 0 and 1 allow). */
export function betaQuantile(p: number, a: number, b: number): number {
  checkShapes(a, b);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`a probability must lie in [0, 1], got ${p}`);
  return betaQuantileWith(p, a, b, lnBeta(a, b));
}

// Normal quantile for the first guess only (Abramowitz & Stegun 26.2.22, |error| < 3e-3).
function roughNormalQuantile(p: number): number {
  const pp = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(pp));
  const z = (2.30753 + t * 0.27061) / (1 + t * (0.99229 + t * 0.04481)) - t;
  return p < 0.5 ? z : -z;
}

/**
 * The Beta quantile with ln B(a, b) supplied. For p above ½ it is 1 − the quantile of 1 − p for
 * Beta(b, a), solved in its lower tail where ln I is nearly straight — unless the quantile is below
 * 1 %, where 1 − (1 − x) would lose the digits of a small x and I is a power of x anyway.
 */
export function betaQuantileWith(p: number, a: number, b: number, lnB: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  if (p <= 0.5 || p <= incompleteBetaWith(0.01, a, b, lnB)) return lowerTailQuantileWith(p, a, b, lnB);
  return 1 - lowerTailQuantileWith(1 - p, b, a, lnB);
}

// A first guess (Numerical Recipes §6.4: A&S 26.5.22 for a, b ≥ 1, the tails' power laws otherwise).
function firstGuess(p: number, a: number, b: number): number {
  if (a >= 1 && b >= 1) {
    // A&S 26.5.22 takes the normal quantile of the upper tail: positive where p is small.
    const z = -roughNormalQuantile(p);
    const al = (z * z - 3) / 6;
    const h = 2 / (1 / (2 * a - 1) + 1 / (2 * b - 1));
    const w = (z * Math.sqrt(al + h)) / h - (1 / (2 * b - 1) - 1 / (2 * a - 1)) * (al + 5 / 6 - 2 / (3 * h));
    return a / (a + b * Math.exp(2 * w));
  }
  const t = Math.exp(a * Math.log(a / (a + b))) / a;
  const u = Math.exp(b * Math.log(b / (a + b))) / b;
  const w = t + u;
  return p < t / w ? (a * w * p) ** (1 / a) : 1 - (b * w * (1 - p)) ** (1 / b);
}

/**
 * The quantile for p ≤ ½, or any p whose quantile is below 1 %, by Halley's method on ln I against ln x.
 * In the lower tail I behaves like a power of x, a straight line there, so it converges in a few steps
 * from any start however skewed the shapes (two evaluations of I from the first guess for the shapes of
 * a share interval); the steps are kept inside a bracket that shrinks with every evaluation (expanding
 * downwards, then halving in ln x where a step would leave it), so it always converges.
 */
export function lowerTailQuantileWith(p: number, a: number, b: number, lnB: number): number {
  const guess = firstGuess(p, a, b);
  // A guess that underflows is the quantile as a double: the power law is exact that far out.
  if (!(guess > 0)) return 0;
  let y = guess < 1 ? Math.log(guess) : -1e-16;
  let lo = Number.NEGATIVE_INFINITY;
  let hi = 0;
  const lnP = Math.log(p);
  const b1 = b - 1;
  for (let j = 0; j < 400; j++) {
    const x = Math.exp(y);
    const i = incompleteBetaWith(x, a, b, lnB);
    const err = Math.log(i) - lnP;
    if (err === 0) return x;
    if (err < 0) lo = y;
    else hi = y;
    // g = ln I − ln p against y = ln x: g′ = x · density / I, g″ = g′ (a − (b − 1) x / (1 − x) − g′).
    const g1 = Math.exp(a * y + b1 * Math.log1p(-x) - lnB) / i;
    const g2 = g1 * (a - (b1 * x) / (1 - x) - g1);
    const newton = err / g1;
    const halley = err / (g1 - (err * g2) / (2 * g1));
    // Halley only where it refines Newton; far from the quantile its correction can point anywhere.
    const r = Math.abs(halley - newton) / Math.abs(newton);
    const step = r < 0.5 ? halley : newton;
    let next = y - step;
    // The resolution of x: relative, and of 1 − x near 1. (A step below it may round back onto y.)
    const tolerance = 1e-13 * Math.min(1, -Math.expm1(next)) + 3e-16 * -next;
    if (Math.abs(step) <= tolerance) return Math.exp(next);
    if (next > lo && next < hi) {
      // Close enough that this step leaves an error below the resolution — about step · r² from the
      // curvature, and at most step · err² from what the curvature misses (as after a Newton step):
      // stop here rather than evaluate I once more to find out.
      if (r < 0.5 && 10 * Math.abs(step) * Math.max(r * r, err * err) <= tolerance) return Math.exp(next);
    } else next = lo === Number.NEGATIVE_INFINITY ? Math.min(2 * hi, hi - 1) : 0.5 * (lo + hi);
    if (Math.abs(next - y) <= tolerance) return Math.exp(next);
    y = next;
  }
  return Math.exp(y);
}

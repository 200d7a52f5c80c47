import type { TCatalogueFactor, TFactorDomain } from './catalogues/factor-catalogue.ts';
import type { Rng } from './rng.ts';

/**
 * How synthetic factor states arise, shared by the demo seed (drawn per child in JS) and the
 * Copenhagen-scale build (drawn once into pools that SQL picks from). Synthetic, but shaped like the
 * literature says real data is:
 * - every child has a latent risk level (partly shared with siblings) that drives the position and
 *   makes risk factors pile up and protective factors thin out together;
 * - risk factors cluster by domain (a strained family tends to show several family factors at once);
 * - factors persist: part of a child's factors are "chronic" (drawn once, carried over rounds), the rest
 *   are drawn afresh each round, so a risk factor present in one round is present in the next with a
 *   probability of about 0.6;
 * - about one factor in ten is not known, and only factors whose age band fits the child are assessed.
 */

export type TPosition = 'green' | 'yellow' | 'red';
export type TModelFactor = Pick<TCatalogueFactor, 'code' | 'kind' | 'domain' | 'ageFrom' | 'ageTo' | 'bit'>;

/** Domains whose factors tend to occur together share a latent cluster level. */
const CLUSTER_OF: Record<TFactorDomain, number> = {
  parenting: 0,
  familyNetwork: 0,
  schoolDaycare: 1,
  development: 2,
  peersLeisure: 3,
  community: 3,
};
export const CLUSTERS = 4;

// Share among children of average risk level; the level and the clusters move it up or down.
const PREVALENCE: Readonly<Record<string, number>> = {
  'R-PARENT-SUBSTANCE': 0.03,
  'R-FAMILY-CRIME': 0.02,
  'R-PARENT-MENTAL': 0.05,
  'R-PARENT-DISABILITY': 0.02,
  'R-YOUNG-PARENTS': 0.03,
  'R-PARENT-DEATH': 0.01,
  'R-VIOLENCE': 0.015,
  'R-NEGLECT': 0.015,
  'R-PARENT-UPBRINGING': 0.03,
  'R-LOW-RESOURCES': 0.05,
  'R-HOUSING-INSTABILITY': 0.03,
  'R-WEAK-READING': 0.08,
  'R-ABSENCE': 0.05,
  'R-EXCLUDED': 0.04,
  'R-BULLYING': 0.04,
  'R-PREMATURE': 0.06,
  'R-WEAK-LANGUAGE': 0.07,
  'R-IMPULSIVITY': 0.05,
  'R-AGGRESSION': 0.03,
  'R-WITHDRAWAL': 0.04,
  'R-LOST-RELATIONS': 0.03,
  'R-SUBSTANCE-USE': 0.04,
  'R-ANTISOCIAL-PEERS': 0.03,
  'R-DRUG-AVAILABILITY': 0.06,
  'R-NEIGHBOURHOOD': 0.05,
  'P-QUALITY-DAYCARE': 0.88,
  'P-SCHOOL-START': 0.85,
  'P-SCHOOL-LIFE': 0.82,
  'P-EXPECTATIONS': 0.85,
  'P-AGE-FITTING': 0.88,
  'P-COHERENCE': 0.78,
  'P-MASTERY': 0.75,
  'P-OPTIMISM': 0.8,
  'P-SELF-IMAGE': 0.8,
  'P-SOCIAL-SKILLS': 0.82,
  'P-TEMPERAMENT': 0.83,
  'P-LANGUAGE': 0.86,
  'P-PARENTS-KNOW': 0.82,
  'P-PARENTS-NETWORK': 0.65,
  'P-SUPPORTIVE-ADULTS': 0.8,
  'P-LABOUR-MARKET': 0.85,
  'P-ORGANISED-LEISURE': 0.62,
  'P-ACTIVE-LEISURE': 0.78,
  'P-LEISURE-JOB': 0.38,
  'P-INCLUSION': 0.84,
};

const RISK_SLOPE = 1.3;
const RISK_CLUSTER_SLOPE = 0.9;
const PROTECTIVE_SLOPE = 0.9;
const PROTECTIVE_CLUSTER_SLOPE = 0.4;
/** Share of a factor's probability carried as a chronic, persisting state. */
export const CHRONIC_SHARE = 0.6;
export const UNKNOWN_SHARE = 0.1;
/** Upper quantiles of a standard normal level: 7 % red, the next 18 % yellow. */
const RED_ABOVE = 1.476;
const YELLOW_ABOVE = 0.674;
/** Weights that keep the levels standard normal: family share and round-to-round wobble. */
const FAMILY_WEIGHT = 0.55;
const CHILD_WEIGHT = Math.sqrt(1 - FAMILY_WEIGHT ** 2);
const PERSISTENT_WEIGHT = 0.85;
const ROUND_WEIGHT = Math.sqrt(1 - PERSISTENT_WEIGHT ** 2);

export function normal(rng: Rng): number {
  const u = 1 - rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function prevalence(f: Pick<TModelFactor, 'code' | 'kind'>): number {
  return PREVALENCE[f.code] ?? (f.kind === 'risk' ? 0.04 : 0.8);
}

export interface TChildLatent {
  /** Standard normal: higher means more risk. */
  level: number;
  clusters: number[];
}

/** `familyLevel` is one standard normal draw shared by siblings. */
export function childLatent(rng: Rng, familyLevel: number): TChildLatent {
  return {
    level: FAMILY_WEIGHT * familyLevel + CHILD_WEIGHT * normal(rng),
    clusters: Array.from({ length: CLUSTERS }, () => normal(rng)),
  };
}

/** The level at one round: the child's own level with some wobble, still standard normal. */
export function roundLevel(rng: Rng, level: number): number {
  return PERSISTENT_WEIGHT * level + ROUND_WEIGHT * normal(rng);
}

export function positionFor(level: number): TPosition {
  if (level > RED_ABOVE) return 'red';
  return level > YELLOW_ABOVE ? 'yellow' : 'green';
}

/** Probability that a factor is present for a child at this level with these cluster levels. */
export function factorProbability(f: TModelFactor, level: number, clusters: readonly number[]): number {
  const w = clusters[CLUSTER_OF[f.domain]] ?? 0;
  const base = logit(prevalence(f));
  return f.kind === 'risk'
    ? sigmoid(base + RISK_SLOPE * level + RISK_CLUSTER_SLOPE * w)
    : sigmoid(base - PROTECTIVE_SLOPE * level - PROTECTIVE_CLUSTER_SLOPE * w);
}

const bitOf = (f: TModelFactor) => 1n << BigInt(f.bit);

/** Factors (both kinds) the child carries from round to round. */
export function drawChronic(
  rng: Rng,
  factors: readonly TModelFactor[],
  level: number,
  clusters: readonly number[],
): bigint {
  let mask = 0n;
  for (const f of factors)
    if (rng.chance(CHRONIC_SHARE * factorProbability(f, level, clusters))) mask |= bitOf(f);
  return mask;
}

/**
 * Factors present at this round besides the chronic ones, drawn so that chronic-or-round has the
 * factor's probability at this round's level: q = (1 − c)·p ÷ (1 − c·p).
 */
export function drawTransient(
  rng: Rng,
  factors: readonly TModelFactor[],
  level: number,
  clusters: readonly number[],
): bigint {
  let mask = 0n;
  for (const f of factors) {
    const p = factorProbability(f, level, clusters);
    if (rng.chance(((1 - CHRONIC_SHARE) * p) / (1 - CHRONIC_SHARE * p))) mask |= bitOf(f);
  }
  return mask;
}

export function drawUnknown(rng: Rng, factors: readonly TModelFactor[]): bigint {
  let mask = 0n;
  for (const f of factors) if (rng.chance(UNKNOWN_SHARE)) mask |= bitOf(f);
  return mask;
}

/** The factors assessed at an age: those whose age band holds it. */
export function applicableMask(factors: readonly TModelFactor[], age: number): bigint {
  let mask = 0n;
  for (const f of factors) if (f.ageFrom <= age && age <= f.ageTo) mask |= bitOf(f);
  return mask;
}

export function kindMask(factors: readonly TModelFactor[], kind: TModelFactor['kind']): bigint {
  let mask = 0n;
  for (const f of factors) if (f.kind === kind) mask |= bitOf(f);
  return mask;
}

/** Levels are bucketed in quarters from −3 to 3 for the scale pools: bucket b stands for level b/4 − 3. */
export const LEVEL_BUCKETS = 25;
export const bucketCentre = (bucket: number) => bucket / 4 - 3;

export interface TMaskPools {
  /** Entries per bucket (and in the unknown pool). */
  size: number;
  /** `chronic[bucket * size + i]`: chronic masks drawn at the bucket's level, each with its own clusters. */
  chronic: bigint[];
  transient: bigint[];
  unknown: bigint[];
}

/**
 * Pre-drawn masks for set-based generation: SQL picks the entry by a hash of child and round, so
 * 1.1 M assessments cost a few array look-ups each instead of ~40 random draws.
 */
export function buildMaskPools(rng: Rng, factors: readonly TModelFactor[], size: number): TMaskPools {
  const pools: TMaskPools = { size, chronic: [], transient: [], unknown: [] };
  const clusters = () => Array.from({ length: CLUSTERS }, () => normal(rng));
  for (let b = 0; b < LEVEL_BUCKETS; b++) {
    for (let i = 0; i < size; i++) pools.chronic.push(drawChronic(rng, factors, bucketCentre(b), clusters()));
    for (let i = 0; i < size; i++)
      pools.transient.push(drawTransient(rng, factors, bucketCentre(b), clusters()));
  }
  for (let i = 0; i < size; i++) pools.unknown.push(drawUnknown(rng, factors));
  return pools;
}

/** The model's constants SQL needs, so the scale build follows the same rules. */
export const LEVEL_MODEL = {
  familyWeight: FAMILY_WEIGHT,
  childWeight: CHILD_WEIGHT,
  persistentWeight: PERSISTENT_WEIGHT,
  roundWeight: ROUND_WEIGHT,
  redAbove: RED_ABOVE,
  yellowAbove: YELLOW_ABOVE,
} as const;

import { shareOf, type TFactorKind, type TFactorStateValue, type TShare } from './factor-states.ts';

/**
 * Factor states packed as two 64-bit masks, so an assessment is two bigint columns and a
 * dashboard counts with AND + popcount instead of joining ~40 rows per assessment
 * (docs/architecture.md, "Dashboards at scale"). A bit set in `knownMask` means present or absent;
 * `presentMask` is always a subset of it. Unset in both means not known.
 */
export interface TPackedStates {
  presentMask: bigint;
  knownMask: bigint;
}

/** Factor code → bit 0..63, fixed per catalogue version so stored masks stay readable. */
export type TBitPositions = ReadonlyMap<string, number>;

export const MAX_PACKED_FACTORS = 64;

export function bitPositions(factorCodes: readonly string[]): Map<string, number> {
  if (new Set(factorCodes).size !== factorCodes.length) throw new RangeError('duplicate factor code');
  if (factorCodes.length > MAX_PACKED_FACTORS)
    throw new RangeError(`at most ${MAX_PACKED_FACTORS} factors fit in a mask, got ${factorCodes.length}`);
  return new Map(factorCodes.map((code, i) => [code, i]));
}

function bitOf(code: string, positions: TBitPositions): bigint {
  const bit = positions.get(code);
  if (bit === undefined) throw new RangeError(`factor ${code} has no bit position`);
  if (!Number.isInteger(bit) || bit < 0 || bit >= MAX_PACKED_FACTORS)
    throw new RangeError(`factor ${code} has bit ${bit}, outside 0..63`);
  return 1n << BigInt(bit);
}

function assertDistinctBits(positions: TBitPositions): void {
  if (new Set(positions.values()).size !== positions.size)
    throw new RangeError('two factors share a bit position');
}

export function maskOf(codes: Iterable<string>, positions: TBitPositions): bigint {
  let mask = 0n;
  for (const code of codes) mask |= bitOf(code, positions);
  return mask;
}

export function packStates(
  states: readonly { factorCode: string; state: TFactorStateValue }[],
  positions: TBitPositions,
): TPackedStates {
  assertDistinctBits(positions);
  let presentMask = 0n;
  let knownMask = 0n;
  for (const s of states) {
    const bit = bitOf(s.factorCode, positions);
    if (knownMask & bit) throw new RangeError(`factor ${s.factorCode} appears twice`);
    if (s.state === 'unknown') continue;
    knownMask |= bit;
    if (s.state === 'present') presentMask |= bit;
  }
  return { presentMask, knownMask };
}

/** Every positioned factor gets a state; one missing from the masks was not known. */
export function unpackStates(
  packed: TPackedStates,
  positions: TBitPositions,
): Map<string, TFactorStateValue> {
  const { presentMask, knownMask } = unsigned(packed);
  const states = new Map<string, TFactorStateValue>();
  for (const code of positions.keys()) {
    const bit = bitOf(code, positions);
    states.set(code, !(knownMask & bit) ? 'unknown' : presentMask & bit ? 'present' : 'absent');
  }
  return states;
}

function popcount32(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function popcount(mask: bigint): number {
  const u = BigInt.asUintN(64, mask);
  return popcount32(Number(u & 0xffffffffn)) + popcount32(Number(u >> 32n));
}

/** PostgreSQL's int8 is signed: a mask using bit 63 must be stored as its negative twin. */
export function toInt8(mask: bigint): bigint {
  return BigInt.asIntN(64, mask);
}

function unsigned(packed: TPackedStates): TPackedStates {
  return {
    presentMask: BigInt.asUintN(64, packed.presentMask),
    knownMask: BigInt.asUintN(64, packed.knownMask),
  };
}

/**
 * Present ÷ assessed among the factors in `selectMask` — the protective mask for the overall
 * share, the protective mask AND a theme mask for a theme's share. Same rule as `protectiveShare`.
 */
export function shareFromMasks(packed: TPackedStates, selectMask: bigint): TShare {
  const { presentMask, knownMask } = unsigned(packed);
  const select = BigInt.asUintN(64, selectMask);
  return shareOf(popcount(presentMask & knownMask & select), popcount(knownMask & select));
}

export function riskLoadFromMasks(packed: TPackedStates, riskMask: bigint): number {
  const { presentMask, knownMask } = unsigned(packed);
  return popcount(presentMask & knownMask & BigInt.asUintN(64, riskMask));
}

export interface TCatalogueMasks {
  protective: bigint;
  risk: bigint;
  /** Theme → protective factors of that theme, ready for `shareFromMasks`. */
  protectiveByTheme: Map<string, bigint>;
}

export function catalogueMasks(
  factors: readonly { factorCode: string; kind: TFactorKind; themeCodes: readonly string[] }[],
  positions: TBitPositions,
): TCatalogueMasks {
  const masks: TCatalogueMasks = { protective: 0n, risk: 0n, protectiveByTheme: new Map() };
  for (const f of factors) {
    const bit = bitOf(f.factorCode, positions);
    if (f.kind === 'risk') {
      masks.risk |= bit;
      continue;
    }
    masks.protective |= bit;
    for (const theme of f.themeCodes)
      masks.protectiveByTheme.set(theme, (masks.protectiveByTheme.get(theme) ?? 0n) | bit);
  }
  return masks;
}

import * as limits from '../suppression.ts';
import * as cube from './slice.ts';
import { containing, type TSlice, totalRow } from './slice.ts';

// Plain constants of this module: an imported binding is read through a getter on every use, and the
// search below reads them millions of times.
const { MIN_CELL } = limits;
const { ABSENT, COLUMNS, COMPLEMENTARY, FIRST_AGE, FIRST_GENDER, GENDER_COLUMNS, OMITTED, PRIMARY, SHOWN } =
  cube;

/** A hidden mean must stay uncertain by at least this much (a twentieth of the scale of shares). */
export const MEAN_SPAN = 0.05;
/** Candidate moves tried per hidden cell before the slice falls back to hiding every figure. */
const SEARCH_LIMIT = 20_000;
/** Once a move protects the cell, this many more are tried for a cheaper one. */
const LOOK_FURTHER = 40;

/**
 * A move: whole children moved between the finest cells (unit × age band, unit × gender) so that every
 * shown figure stays the same. `cells[i]` changes by `ks[i]` children per step.
 */
interface TMove {
  cells: number[];
  ks: number[];
}

export interface TProtection {
  codes: Uint8Array;
  /** Hidden cells that could not be protected one by one, so the slice shows nothing but its presence. */
  fellBack: boolean;
}

/**
 * Protects one slice (decision 022). Cells under 5 children are hidden (primary); cells inside a hidden
 * small cell are omitted, since listing them would say how many are present. Then every hidden small cell
 * gets a move — children shifted between hidden cells that keeps every shown figure — that changes its
 * count by one and its mean by at least MEAN_SPAN while every hidden cell keeps the bounds anyone can know
 * (1–4 for a small cell, 5 or more for a complementary one, shares in [0, 1]). Where none exists yet, the
 * cheapest move (fewest children in newly hidden cells) decides which shown cells become complementary.
 * A cell with such a move can be neither counted nor averaged from any combination of the slice's figures.
 */
export function protectSlice(slice: TSlice): TProtection {
  const codes = initialCodes(slice);
  const primaries: number[] = [];
  for (let c = 0; c < codes.length; c++) if (codes[c] === PRIMARY) primaries.push(c);
  const total = totalRow(slice) * COLUMNS;
  const chosen = new Map<number, TMove>();
  for (let round = 0; round < 4; round++) {
    let changed = false;
    for (const p of primaries) {
      // The municipality's own total: everything else in the slice is omitted, nothing can be combined.
      if (p === total) continue;
      const held = chosen.get(p);
      if (held && holds(slice, codes, held, p)) continue;
      const move = cheapestMove(slice, codes, p);
      if (!move) return { codes: hideAll(codes), fellBack: true };
      for (const c of move.cells) if (codes[c] === SHOWN) codes[c] = COMPLEMENTARY;
      chosen.set(p, move);
      changed = true;
    }
    if (!changed) return { codes, fellBack: false };
  }
  return { codes: hideAll(codes), fellBack: true };
}

function initialCodes(slice: TSlice): Uint8Array {
  const { n } = slice;
  const small = (c: number) => (n[c] as number) >= 1 && (n[c] as number) < MIN_CELL;
  const codes = new Uint8Array(n.length);
  for (let c = 0; c < n.length; c++) {
    const count = n[c] as number;
    // A cell of 5 or more lies only in cells of 5 or more.
    if (count < MIN_CELL && containing(slice, c).some(small)) codes[c] = OMITTED;
    else if (small(c)) codes[c] = PRIMARY;
    else codes[c] = count === 0 ? ABSENT : SHOWN;
  }
  return codes;
}

function hideAll(codes: Uint8Array): Uint8Array {
  for (let c = 0; c < codes.length; c++) if (codes[c] === SHOWN) codes[c] = COMPLEMENTARY;
  return codes;
}

/** A move chosen earlier still protects p once all its cells are hidden (its mean may have lost a shown bound). */
function holds(slice: TSlice, codes: Uint8Array, move: TMove, p: number): boolean {
  const e = evaluate(slice, codes, move, p);
  return e.feasible && e.cost === 0 && (e.span >= MEAN_SPAN || meanKnownAnyway(slice, codes, p));
}

function cheapestMove(slice: TSlice, codes: Uint8Array, p: number): TMove | null {
  let best: TMove | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  let bestMeanSafe = false;
  const meanAnyway = meanKnownAnyway(slice, codes, p);
  let tried = 0;
  let sinceFound = 0;
  for (const move of candidateMoves(slice, p)) {
    if (++tried > SEARCH_LIMIT || (bestMeanSafe && ++sinceFound > LOOK_FURTHER)) break;
    const e = evaluate(slice, codes, move, p);
    if (!e.feasible) continue;
    const meanSafe = meanAnyway || e.span >= MEAN_SPAN;
    if ((meanSafe && !bestMeanSafe) || (meanSafe === bestMeanSafe && e.cost < bestCost)) {
      best = { cells: [...move.cells], ks: [...move.ks] };
      bestCost = e.cost;
      bestMeanSafe = meanSafe;
      if (meanSafe && e.cost === 0) break;
    }
  }
  return bestMeanSafe ? best : null;
}

/**
 * Every shown cell containing p whose mean, as published (four decimals), is 0 or 1 already says that all its
 * children — p's among them — have that share: hiding p cannot protect what the larger cell tells.
 */
function meanKnownAnyway(slice: TSlice, codes: Uint8Array, p: number): boolean {
  return containing(slice, p).some((c) => {
    if (codes[c] !== SHOWN) return false;
    const wire = Math.round(((slice.s[c] as number) / (slice.n[c] as number)) * 10_000);
    return wire === 0 || wire === 10_000;
  });
}

interface TEvaluation {
  feasible: boolean;
  /** Children in shown cells the move would hide. */
  cost: number;
  /** How far p's mean can be moved, from its true value to the farthest reachable one either way. */
  span: number;
}

/**
 * Whether moving one child along `move` (either way) keeps every cell within what anyone may know of it,
 * with the moved children's shares chosen so that every sum stays in [0, n]; and how far p's mean can go,
 * by that move or by moving share alone along the same cells.
 */
function evaluate(slice: TSlice, codes: Uint8Array, move: TMove, p: number): TEvaluation {
  const { n, s } = slice;
  let cost = 0;
  let kp = 0;
  for (let i = 0; i < move.cells.length; i++) {
    const c = move.cells[i] as number;
    const code = codes[c];
    if (code === ABSENT) return { feasible: false, cost: 0, span: 0 };
    if (code === SHOWN) cost += n[c] as number;
    if (c === p) kp = move.ks[i] as number;
  }
  if (kp === 0) return { feasible: false, cost, span: 0 };
  const np = n[p] as number;
  const sp = s[p] as number;
  const m0 = sp / np;
  let lo = m0;
  let hi = m0;
  let feasible = false;
  for (const t of [1, -1]) {
    let ok = true;
    let cLo = Number.NEGATIVE_INFINITY;
    let cHi = Number.POSITIVE_INFINITY;
    for (let i = 0; i < move.cells.length && ok; i++) {
      const c = move.cells[i] as number;
      const k = (move.ks[i] as number) * t;
      const code = codes[c] === SHOWN ? COMPLEMENTARY : codes[c];
      const after = (n[c] as number) + k;
      if (after < 0) ok = false;
      else if (code === PRIMARY && (after < 1 || after >= MIN_CELL)) ok = false;
      else if (code === COMPLEMENTARY && after < MIN_CELL) ok = false;
      // The moved children's share c per child: s + k·c must stay in [0, after].
      const sc = s[c] as number;
      if (k > 0) {
        cLo = Math.max(cLo, -sc / k);
        cHi = Math.min(cHi, (after - sc) / k);
      } else {
        cLo = Math.max(cLo, (sc - after) / -k);
        cHi = Math.min(cHi, sc / -k);
      }
    }
    if (!ok || cLo > cHi + 1e-12) continue;
    feasible = true;
    const k = kp * t;
    for (const c of [cLo, cHi]) {
      const m = (sp + k * c) / (np + k);
      lo = Math.min(lo, m);
      hi = Math.max(hi, m);
    }
  }
  // Share alone moved along the same cells (no child moves): each sum stays in [0, n].
  let cLo = Number.NEGATIVE_INFINITY;
  let cHi = Number.POSITIVE_INFINITY;
  for (let i = 0; i < move.cells.length; i++) {
    const c = move.cells[i] as number;
    const k = move.ks[i] as number;
    const sc = s[c] as number;
    const nc = n[c] as number;
    if (k > 0) {
      cLo = Math.max(cLo, -sc / k);
      cHi = Math.min(cHi, (nc - sc) / k);
    } else {
      cLo = Math.max(cLo, (sc - nc) / -k);
      cHi = Math.min(cHi, sc / -k);
    }
  }
  if (cLo <= cHi + 1e-12) {
    lo = Math.min(lo, (sp + kp * cLo) / np);
    hi = Math.max(hi, (sp + kp * cHi) / np);
  }
  return { feasible, cost, span: hi - lo };
}

/** The cells a move of finest cells changes, with how much: each finest cell and every cell containing it. */
function affected(slice: TSlice, micro: readonly number[], coefs: readonly number[]): TMove {
  const cells: number[] = [];
  const ks: number[] = [];
  for (let i = 0; i < micro.length; i++) {
    const m = micro[i] as number;
    const col = m % COLUMNS;
    // Column 0 counts each child once: through its age band (a gender move is balanced by an age move).
    const both = col < FIRST_GENDER;
    for (let row = (m - col) / COLUMNS; row >= 0; row = slice.parent[row] as number) {
      for (let side = 0; side < (both ? 2 : 1); side++) {
        const cell = row * COLUMNS + (side === 0 ? col : 0);
        const at = cells.indexOf(cell);
        if (at < 0) {
          cells.push(cell);
          ks.push(coefs[i] as number);
        } else ks[at] = (ks[at] as number) + (coefs[i] as number);
      }
    }
  }
  const move: TMove = { cells: [], ks: [] };
  cells.forEach((c, i) => {
    if (ks[i] !== 0) {
      move.cells.push(c);
      move.ks.push(ks[i] as number);
    }
  });
  return move;
}

function unitsUnder(slice: TSlice, row: number): number[] {
  const out: number[] = [];
  for (let u = 0; u < slice.units; u++) {
    for (let r = u; r >= 0; r = slice.parent[r] as number) {
      if (r === row) {
        out.push(u);
        break;
      }
    }
  }
  return out;
}

const bySize = new WeakMap<TSlice, number[]>();

/**
 * Units other than u: those adding up into the same row first (their moves leave the districts alone), the
 * smallest first within each (their cells are the cheapest to hide, and often hidden already).
 */
function* partnersOf(slice: TSlice, u: number): Generator<number> {
  let order = bySize.get(slice);
  if (!order) {
    const size = (v: number) => slice.n[v * COLUMNS] as number;
    order = Array.from({ length: slice.units }, (_, v) => v).sort((a, b) => size(a) - size(b) || a - b);
    bySize.set(slice, order);
  }
  const parent = slice.parent[u];
  for (const v of order) if (v !== u && slice.parent[v] === parent) yield v;
  for (const v of order) if (slice.parent[v] !== parent) yield v;
}

const AGES = Array.from({ length: FIRST_GENDER - FIRST_AGE }, (_, i) => FIRST_AGE + i);
const GENDERS = Array.from({ length: GENDER_COLUMNS }, (_, i) => FIRST_GENDER + i);
const sideOf = (col: number) => (col >= FIRST_GENDER ? GENDERS : AGES);

/** The moves that change p: a rectangle of finest cells, two units swapping a child, or two columns of one unit. */
function* candidateMoves(slice: TSlice, p: number): Generator<TMove> {
  const col = p % COLUMNS;
  const row = (p - col) / COLUMNS;
  const at = (u: number, c: number) => u * COLUMNS + c;
  const rect = (u1: number, u2: number, c1: number, c2: number) =>
    affected(slice, [at(u1, c1), at(u1, c2), at(u2, c1), at(u2, c2)], [1, -1, -1, 1]);
  const swap = (u1: number, u2: number, a: number, g: number) =>
    affected(slice, [at(u1, a), at(u2, a), at(u1, g), at(u2, g)], [1, -1, 1, -1]);
  if (row < slice.units) {
    for (const u2 of partnersOf(slice, row)) {
      if (col === 0) for (const a of AGES) for (const g of GENDERS) yield swap(row, u2, a, g);
      else for (const c2 of sideOf(col)) if (c2 !== col) yield rect(row, u2, col, c2);
    }
    if (col === 0) return;
    // A unit whose other cells are too small to give a child: the child moves to another unit instead.
    for (const u2 of partnersOf(slice, row)) {
      if (col < FIRST_GENDER) for (const g of GENDERS) yield swap(row, u2, col, g);
      else for (const a of AGES) yield swap(row, u2, a, col);
    }
    yield* columnShifts(slice, [row], col);
    return;
  }
  const inside = unitsUnder(slice, row);
  if (row !== totalRow(slice)) {
    const outside = unitsUnder(slice, totalRow(slice)).filter((u) => !inside.includes(u));
    for (const u1 of inside) {
      for (const u2 of outside) {
        if (col === 0) for (const a of AGES) for (const g of GENDERS) yield swap(u1, u2, a, g);
        else for (const c2 of sideOf(col)) if (c2 !== col) yield rect(u1, u2, col, c2);
      }
    }
  }
  yield* columnShifts(slice, inside, col);
}

/**
 * A child of a unit counted in another age band (or gender): every place above the unit changes with it, so
 * these cost the most and come last — for the municipality's own cells, and where no exchange with another
 * place keeps every hidden cell within its bounds (two districts only, or a unit of a few more than 5).
 */
function* columnShifts(slice: TSlice, units: readonly number[], col: number): Generator<TMove> {
  if (col === 0) return;
  for (const u of units)
    for (const c2 of sideOf(col))
      if (c2 !== col) yield affected(slice, [u * COLUMNS + col, u * COLUMNS + c2], [1, -1]);
}

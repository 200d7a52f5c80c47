import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackSlice, type TObserved } from '../../../../tests/fixtures/disclosure-attack.ts';
import { protectSlice } from './protect-slice.ts';
import {
  ABSENT,
  COLUMNS,
  COMPLEMENTARY,
  OMITTED,
  PRIMARY,
  SHOWN,
  sliceOf,
  type TFineCell,
  type TSlice,
} from './slice.ts';

/** What an analyst sees of a protected slice: every listed cell with its code, and n and mean where shown. */
function published(slice: TSlice, codes: Uint8Array): Map<number, TObserved> {
  const seen = new Map<number, TObserved>();
  codes.forEach((code, cell) => {
    if (code === OMITTED || code === ABSENT) return;
    if (code === SHOWN) {
      const n = slice.n[cell] as number;
      seen.set(cell, { hidden: 0, n, mean: Math.round(((slice.s[cell] as number) / n) * 10_000) });
    } else seen.set(cell, { hidden: code as 1 | 2 });
  });
  return seen;
}

const share = fc.oneof(
  fc.constant(1),
  fc.constant(0),
  fc.integer({ min: 0, max: 6 }).map((k) => k / 6),
  fc.double({ min: 0, max: 1, noNaN: true }),
);

/** A random municipality slice: a few units in a few districts (some in none), children of any age and gender. */
const population = fc
  .record({
    districtOf: fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 2, maxLength: 7 }),
    children: fc.array(
      fc.record({
        unit: fc.nat(),
        age: fc.integer({ min: 0, max: 5 }),
        gender: fc.integer({ min: 0, max: 2 }),
        x: share,
      }),
      { minLength: 1, maxLength: 120 },
    ),
  })
  .map(({ districtOf, children }) => {
    const used = [...new Set(districtOf.filter((d) => d >= 0))].sort();
    const districts = Int32Array.from(districtOf, (d) => (d < 0 ? -1 : used.indexOf(d)));
    const fine: TFineCell[] = children.map((c) => ({
      unit: c.unit % districtOf.length,
      age: c.age,
      gender: c.gender,
      n: 1,
      s: c.x,
    }));
    return sliceOf(districts, used.length, fine);
  });

describe('protectSlice', () => {
  it('hides cells under 5, omits what lies inside them and hides a complementary cell beside a lone small one', () => {
    // Two units in one district; unit 0 has 3 girls aged 6–9 among 20 children.
    const fine: TFineCell[] = [
      { unit: 0, age: 2, gender: 0, n: 3, s: 3 },
      { unit: 0, age: 3, gender: 1, n: 17, s: 10 },
      { unit: 1, age: 2, gender: 0, n: 9, s: 4 },
      { unit: 1, age: 3, gender: 1, n: 12, s: 6 },
    ];
    const slice = sliceOf(Int32Array.of(0, 0), 1, fine);
    const { codes } = protectSlice(slice);
    const at = (row: number, col: number) => codes[row * COLUMNS + col];
    expect(at(0, 3)).toBe(PRIMARY); // unit 0, 6–9
    expect(at(0, 7)).toBe(PRIMARY); // unit 0, girls
    expect(at(0, 0)).toBe(SHOWN); // unit 0, all 20
    // Nothing else in unit 0's age row is small, so one more cell there must go.
    expect([at(0, 4), at(1, 3), at(1, 4)]).toContain(COMPLEMENTARY);
    expect(at(2, 0)).toBe(SHOWN); // the district
  });

  it('omits the cells inside a small unit instead of listing them', () => {
    const fine: TFineCell[] = [
      { unit: 0, age: 0, gender: 0, n: 1, s: 1 },
      { unit: 0, age: 1, gender: 1, n: 1, s: 1 },
      { unit: 0, age: 2, gender: 2, n: 1, s: 0 },
      { unit: 0, age: 3, gender: 0, n: 1, s: 0 },
      { unit: 1, age: 0, gender: 0, n: 30, s: 20 },
      { unit: 1, age: 1, gender: 1, n: 30, s: 20 },
    ];
    const { codes } = protectSlice(sliceOf(Int32Array.of(-1, -1), 0, fine));
    expect(codes[0]).toBe(PRIMARY);
    for (let col = 1; col < COLUMNS; col++) expect(codes[col]).toBe(OMITTED);
  });

  it('keeps a two-district municipality shown when each district has 4 children of the third gender', async () => {
    // No exchange between the districts keeps both small cells within 1–4 (4 + 4 must stay 4 + 4), so the
    // protection moves a child between genders inside one unit; nothing falls back to hiding the slice.
    const fine: TFineCell[] = [];
    for (let u = 0; u < 4; u++) {
      for (let age = 2; age < 6; age++) {
        fine.push({ unit: u, age, gender: 0, n: 6 + u, s: 3 + u / 2 });
        fine.push({ unit: u, age, gender: 1, n: 7, s: 4 });
      }
      fine.push({ unit: u, age: 3, gender: 2, n: 2, s: u % 2 });
    }
    const slice = sliceOf(Int32Array.of(0, 0, 1, 1), 2, fine);
    const { codes, fellBack } = protectSlice(slice);
    expect(fellBack).toBe(false);
    const district = (d: number, col: number) => codes[(4 + d) * COLUMNS + col];
    expect(district(0, 9)).toBe(PRIMARY);
    expect(district(1, 9)).toBe(PRIMARY);
    for (let age = 3; age <= 6; age++) expect(district(0, age)).toBe(SHOWN);
    expect(codes[6 * COLUMNS]).toBe(SHOWN); // the municipality's total
    const attack = await attackSlice(slice, published(slice, codes));
    expect(attack.pinnedCount).toEqual([]);
    expect(attack.pinnedMean).toEqual([]);
  });

  it('leaves no small cell that the published figures pin down, in count or mean (random populations)', async () => {
    let hidden = 0;
    let small = 0;
    await fc.assert(
      fc.asyncProperty(population, async (slice) => {
        const { codes } = protectSlice(slice);
        const attack = await attackSlice(slice, published(slice, codes));
        hidden += attack.hidden;
        small += attack.small;
        expect(attack.pinnedCount).toEqual([]);
        expect(attack.pinnedMean).toEqual([]);
      }),
      { numRuns: 30, seed: 20261207 },
    );
    console.log(
      `protectSlice attack: ${small} small and ${hidden - small} complementary cells hidden, 0 recoverable`,
    );
  }, 300_000);
});

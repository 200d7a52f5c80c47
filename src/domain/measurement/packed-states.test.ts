import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { protectiveShare, protectiveShareByTheme, riskLoad, type TFactorState } from './factor-states.ts';
import {
  bitPositions,
  catalogueMasks,
  maskOf,
  packStates,
  popcount,
  riskLoadFromMasks,
  shareFromMasks,
  toInt8,
  unpackStates,
} from './packed-states.ts';

const positions = bitPositions(['a', 'b', 'c', 'd']);

describe('packStates', () => {
  it.each([
    ['nothing recorded', [], 0n, 0n],
    ['present sets both masks', [{ factorCode: 'a', state: 'present' }], 0b1n, 0b1n],
    ['absent sets only the known mask', [{ factorCode: 'b', state: 'absent' }], 0n, 0b10n],
    ['not known sets neither', [{ factorCode: 'c', state: 'unknown' }], 0n, 0n],
    [
      'a mix',
      [
        { factorCode: 'a', state: 'absent' },
        { factorCode: 'b', state: 'present' },
        { factorCode: 'c', state: 'unknown' },
        { factorCode: 'd', state: 'present' },
      ],
      0b1010n,
      0b1011n,
    ],
  ] as const)('%s', (_why, states, presentMask, knownMask) => {
    expect(packStates(states, positions)).toEqual({ presentMask, knownMask });
  });

  it.each([
    ['a code without a position', [{ factorCode: 'z', state: 'present' }], positions],
    [
      'the same factor twice',
      [
        { factorCode: 'a', state: 'present' },
        { factorCode: 'a', state: 'absent' },
      ],
      positions,
    ],
    ['a bit outside 0..63', [{ factorCode: 'a', state: 'present' }], new Map([['a', 64]])],
    ['a fractional bit', [{ factorCode: 'a', state: 'present' }], new Map([['a', 1.5]])],
    [
      'two factors on one bit',
      [{ factorCode: 'a', state: 'present' }],
      new Map([
        ['a', 3],
        ['b', 3],
      ]),
    ],
  ] as const)('refuses %s', (_why, states, pos) => {
    expect(() => packStates(states, pos)).toThrow(RangeError);
  });
});

describe('bitPositions', () => {
  it('numbers codes in order', () => {
    expect([...bitPositions(['x', 'y'])]).toEqual([
      ['x', 0],
      ['y', 1],
    ]);
  });
  it.each([
    ['duplicates', ['x', 'x']],
    ['more than 64 codes', Array.from({ length: 65 }, (_, i) => `f${i}`)],
  ])('refuses %s', (_why, codes) => {
    expect(() => bitPositions(codes)).toThrow(RangeError);
  });
});

describe('popcount', () => {
  it.each([
    [0n, 0],
    [1n, 1],
    [0b1011n, 3],
    [0xffffffffn, 32],
    [1n << 63n, 1],
    [(1n << 64n) - 1n, 64],
    [-1n, 64],
    [toInt8(1n << 63n), 1],
  ])('popcount(%s) = %i', (mask, expected) => {
    expect(popcount(mask)).toBe(expected);
  });
});

describe('toInt8', () => {
  it.each([
    [0n, 0n],
    [(1n << 63n) - 1n, (1n << 63n) - 1n],
    [1n << 63n, -(1n << 63n)],
    [(1n << 64n) - 1n, -1n],
  ])('toInt8(%s) = %s', (mask, expected) => {
    expect(toInt8(mask)).toBe(expected);
  });

  it('reads the same states back from a signed (database) mask', () => {
    const pos = new Map([['top', 63]]);
    const packed = packStates([{ factorCode: 'top', state: 'present' }], pos);
    const stored = { presentMask: toInt8(packed.presentMask), knownMask: toInt8(packed.knownMask) };
    expect(stored.presentMask < 0n).toBe(true);
    expect(unpackStates(stored, pos).get('top')).toBe('present');
  });
});

const THEMES = ['school', 'family', 'leisure'];

/** A catalogue of 1..64 distinct factors, each with a kind, themes and a state. */
const assessment = fc
  .uniqueArray(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 64 })
  .chain((bits) =>
    fc.tuple(
      fc.constant(bits),
      fc.array(
        fc.record({
          kind: fc.constantFrom('risk' as const, 'protective' as const),
          themeCodes: fc.subarray(THEMES),
          state: fc.constantFrom('present' as const, 'absent' as const, 'unknown' as const),
        }),
        { minLength: bits.length, maxLength: bits.length },
      ),
    ),
  )
  .map(([bits, rest]) => {
    const states: TFactorState[] = rest.map((s, i) => ({ factorCode: `f${bits[i]}`, ...s }));
    const pos = new Map(bits.map((b) => [`f${b}`, b]));
    return { states, pos };
  });

describe('packed states, for any assessment', () => {
  it('unpack(pack(states)) gives every state back', () => {
    fc.assert(
      fc.property(assessment, ({ states, pos }) => {
        const unpacked = unpackStates(packStates(states, pos), pos);
        expect(Object.fromEntries(unpacked)).toEqual(
          Object.fromEntries(states.map((s) => [s.factorCode, s.state])),
        );
      }),
    );
  });

  it('survives the signed round trip through the database', () => {
    fc.assert(
      fc.property(assessment, ({ states, pos }) => {
        const packed = packStates(states, pos);
        const stored = { presentMask: toInt8(packed.presentMask), knownMask: toInt8(packed.knownMask) };
        expect(unpackStates(stored, pos)).toEqual(unpackStates(packed, pos));
      }),
    );
  });

  it('counts from masks equal counts from the list', () => {
    fc.assert(
      fc.property(assessment, ({ states, pos }) => {
        const packed = packStates(states, pos);
        const masks = catalogueMasks(states, pos);
        expect(shareFromMasks(packed, masks.protective)).toEqual(protectiveShare(states));
        expect(riskLoadFromMasks(packed, masks.risk)).toBe(riskLoad(states));
        const byTheme = new Map(
          [...masks.protectiveByTheme].map(([t, m]) => [t, shareFromMasks(packed, masks.protective & m)]),
        );
        expect(byTheme).toEqual(protectiveShareByTheme(states));
      }),
    );
  });

  it('popcount of a mask is the number of codes in it', () => {
    fc.assert(
      fc.property(assessment, ({ states, pos }) => {
        expect(popcount(maskOf(pos.keys(), pos))).toBe(states.length);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { cprOf, dateOf, factorStateOf, positionOf } from './import-cells.ts';

describe('reading cells of an imported file', () => {
  it.each([
    ['010120-4999', '0101204999'],
    [' 0101204999 ', '0101204999'],
    // A workbook number loses the leading zero of a child born on the 1st–9th.
    [101204999, '0101204999'],
    ['', null],
    [null, null],
    ['320120-4999', undefined],
    ['0101204999x', undefined],
    [1.5, undefined],
  ])('CPR %j → %j', (cell, expected) => {
    expect(cprOf(cell)).toBe(expected);
  });

  it.each([
    ['2026-03-01', '2026-03-01'],
    ['01-03-2026', '2026-03-01'],
    ['1.3.2026', '2026-03-01'],
    ['01/03/2026', '2026-03-01'],
    [new Date('2026-03-01T00:00:00Z'), '2026-03-01'],
    ['', null],
    ['31-02-2026', undefined],
    ['2026-3-1', undefined],
    ['01-03/2026', undefined],
    ['01-03-26', undefined],
    ['1899-12-31', undefined],
    [new Date(Number.NaN), undefined],
    [46000, undefined],
  ])('date %j → %j', (cell, expected) => {
    expect(dateOf(cell)).toBe(expected);
  });

  it.each([
    ['grøn', 'green'],
    ['GUL', 'yellow'],
    [' Rød ', 'red'],
    ['green', 'green'],
    ['', null],
    ['orange', undefined],
    [1, undefined],
  ])('position %j → %j', (cell, expected) => {
    expect(positionOf(cell)).toBe(expected);
  });

  it.each([
    ['present', 'present'],
    ['Til stede', 'present'],
    ['ikke  til stede', 'absent'],
    ['ved ikke', 'unknown'],
    [1, 'present'],
    ['0', 'absent'],
    [true, 'present'],
    [null, 'unknown'],
    ['', 'unknown'],
    ['måske', undefined],
    [2, undefined],
  ])('factor state %j → %j', (cell, expected) => {
    expect(factorStateOf(cell)).toBe(expected);
  });
});

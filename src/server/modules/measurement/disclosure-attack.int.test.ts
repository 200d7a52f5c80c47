import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attackSlice,
  type TAttackResult,
  type TObserved,
} from '../../../../tests/fixtures/disclosure-attack.ts';
import { startTestApp, type TSession, type TTestApp } from '../../../../tests/fixtures/test-app.ts';
import { AGE_BANDS } from '../../../domain/measurement/age-band.ts';
import {
  COLUMNS,
  FIRST_AGE,
  FIRST_GENDER,
  type TSlice,
} from '../../../domain/measurement/disclosure/slice.ts';
import { decodeMeasurement, type TDecodedRow } from '../../../shared/measurement-wire.ts';
import { GENDERS } from '../../../shared/schemas/common.ts';
import { readCsv } from './read-export-file.ts';

/**
 * The analyst as attacker (issue 12): every query shape the API allows — every grouping, filters naming one
 * or several values of every dimension, with and without periods, the CSV export too — on the demo data.
 * Each answer's cells are collected by what they are (period, theme, place, population); a cell must read
 * the same in every answer. Then every published figure becomes a constraint and integer programs bound
 * each hidden small cell's count and mean (tests/fixtures/disclosure-attack.ts). Done when none is pinned.
 */
let t: TTestApp;
let analyst: TSession;
let structure: Pick<TSlice, 'units' | 'districts' | 'parent'>;
let rowOfUnit: Map<string, number>;
let rowOfDistrict: Map<string, number>;
let unitIds: string[];
let districtIds: string[];
let periods: string[];
let themes: string[];

beforeAll(async () => {
  t = await startTestApp({ children: 400 });
  analyst = await t.login('analyst@demo.beskyt.test');
  const m = analyst.user.municipality.id;
  // What anyone in the municipality may know: its units, its districts and which unit lies where.
  const units = (
    await t.db.pool.query('SELECT id, district_id FROM units WHERE municipality_id = $1 ORDER BY id', [m])
  ).rows;
  const districts = (
    await t.db.pool.query('SELECT id FROM districts WHERE municipality_id = $1 ORDER BY id', [m])
  ).rows;
  unitIds = units.map((u) => u.id);
  districtIds = districts.map((d) => d.id);
  rowOfUnit = new Map(unitIds.map((id, i) => [id, i]));
  rowOfDistrict = new Map(districtIds.map((id, i) => [id, units.length + i]));
  const total = units.length + districts.length;
  const parent = new Int32Array(total + 1);
  units.forEach((u, i) => {
    parent[i] = u.district_id ? (rowOfDistrict.get(u.district_id) as number) : total;
  });
  for (let d = 0; d < districts.length; d++) parent[units.length + d] = total;
  parent[total] = -1;
  structure = { units: units.length, districts: districts.length, parent };
  const answer = decodeMeasurement(
    (await t.as(analyst, 'GET', '/api/v1/measurement?groupBy=period,theme')).json(),
  );
  periods = [...new Set(answer.rows.map((r) => r.keys.period as string))].sort();
  themes = [...new Set(answer.rows.map((r) => r.keys.theme as string))].sort();
}, 180_000);
afterAll(() => t.close());

const GROUPINGS: string[][] = (() => {
  const out: string[][] = [];
  for (const period of [[], ['period']])
    for (const theme of [[], ['theme']])
      for (const place of [[], ['unit'], ['district']])
        for (const population of [[], ['ageBand'], ['gender']]) {
          const g = [...period, ...theme, ...place, ...population];
          if (g.length >= 1 && g.length <= 3) out.push(g);
        }
  return out;
})();

/** Filters naming nothing, one value or several of each dimension, alone and together. */
function filterSets(): Record<string, string>[] {
  const two = <T>(list: T[]) => list.slice(0, 2);
  const sets: Record<string, string>[] = [
    {},
    { periods: periods.at(-1) as string },
    { periods: two(periods).join(',') },
    { themes: themes[1] ?? 'all' },
    { themes: two(themes).join(',') },
    { unitIds: unitIds[0] as string },
    { unitIds: two(unitIds).join(',') },
    { districtIds: districtIds[0] as string },
    { districtIds: two(districtIds).join(',') },
    { ageBands: '3-5' },
    { ageBands: '0-2,3-5,6-9' },
    { genders: 'male' },
    { genders: 'male,other' },
    { periods: periods.at(-1) as string, genders: 'female', districtIds: districtIds[1] ?? '' },
    { periods: periods.at(-1) as string, ageBands: '6-9', unitIds: unitIds.slice(0, 3).join(',') },
  ];
  return sets.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== '')));
}

interface TSeen extends TObserved {
  from: string;
}

function cellOf(row: TDecodedRow): { slice: string; cell: number } | null {
  const k = row.keys;
  if (!k.period || !k.theme) return null;
  const r = k.unit
    ? rowOfUnit.get(k.unit)
    : k.district
      ? rowOfDistrict.get(k.district)
      : structure.units + structure.districts;
  const col = k.ageBand
    ? FIRST_AGE + (AGE_BANDS as readonly string[]).indexOf(k.ageBand)
    : k.gender
      ? FIRST_GENDER + (GENDERS as readonly string[]).indexOf(k.gender)
      : 0;
  if (r === undefined) return null;
  return { slice: `${k.period}|${k.theme}`, cell: r * COLUMNS + col };
}

describe('the analyst as attacker', () => {
  it('gets every cell the same way from every query, and can pin down no hidden cell', async () => {
    const slices = new Map<string, Map<number, TSeen>>();
    let queries = 0;
    let refused = 0;
    for (const groupBy of GROUPINGS) {
      for (const filters of filterSets()) {
        const search = new URLSearchParams({ groupBy: groupBy.join(','), ...filters });
        const res = await t.as(analyst, 'GET', `/api/v1/measurement?${search}`);
        queries++;
        if (res.statusCode === 400) {
          refused++;
          continue;
        }
        expect(res.statusCode, `${search}: ${res.body}`).toBe(200);
        for (const row of decodeMeasurement(res.json()).rows) {
          const at = cellOf(row);
          expect(at, `${search}: a cell outside the cube ${JSON.stringify(row.keys)}`).not.toBeNull();
          if (!at) continue;
          const seen: TSeen = row.summary
            ? {
                hidden: 0,
                n: row.summary.n,
                mean: Math.round((row.summary.mean ?? 0) * 10_000),
                from: `${search}`,
              }
            : { hidden: row.suppressed === 'primary' ? 1 : 2, from: `${search}` };
          const slice = slices.get(at.slice) ?? new Map<number, TSeen>();
          slices.set(at.slice, slice);
          const before = slice.get(at.cell);
          if (before) {
            const { from: _, ...a } = before;
            const { from: __, ...b } = seen;
            expect(b, `cell ${at.slice} ${at.cell}: ${before.from} against ${seen.from}`).toEqual(a);
          } else slice.set(at.cell, seen);
        }
      }
    }
    const total: TAttackResult = {
      hidden: 0,
      small: 0,
      pinnedCount: [],
      pinnedMean: [],
      meanToldByShownCell: 0,
      narrowestCount: Number.POSITIVE_INFINITY,
      narrowestMean: Number.POSITIVE_INFINITY,
    };
    for (const [key, observed] of slices) {
      const result = await attackSlice(structure, observed);
      total.hidden += result.hidden;
      total.small += result.small;
      total.pinnedCount.push(...result.pinnedCount.map((c) => Number(`${c}`)));
      total.pinnedMean.push(...result.pinnedMean);
      total.meanToldByShownCell += result.meanToldByShownCell;
      total.narrowestCount = Math.min(total.narrowestCount, result.narrowestCount);
      total.narrowestMean = Math.min(total.narrowestMean, result.narrowestMean);
      expect(result.pinnedCount, `${key}: counts pinned`).toEqual([]);
      expect(result.pinnedMean, `${key}: means pinned`).toEqual([]);
    }
    console.log(
      `attack on the demo data: ${queries} queries (${refused} refused as summing), ${slices.size} slices, ` +
        `${total.hidden} hidden cells (${total.small} small), recoverable: ${total.pinnedCount.length} counts, ` +
        `${total.pinnedMean.length} means; narrowest count range ${total.narrowestCount}, ` +
        `narrowest mean range ${total.narrowestMean.toFixed(3)}; ${total.meanToldByShownCell} means told by a shown cell at 0 or 1`,
    );
    expect(total.small).toBeGreaterThan(0);
  }, 600_000);

  it('exports the same cells, hidden the same way, as the screen shows', async () => {
    for (const groupBy of [['unit'], ['theme', 'ageBand'], ['district', 'gender']]) {
      const search = new URLSearchParams({ groupBy: groupBy.join(','), periods: periods.at(-1) as string });
      const screen = decodeMeasurement((await t.as(analyst, 'GET', `/api/v1/measurement?${search}`)).json());
      const res = await t.as(analyst, 'GET', `/api/v1/measurement/export?${search}&format=csv`);
      expect(res.statusCode).toBe(200);
      const [head, ...lines] = readCsv(res.body);
      const nAt = (head ?? []).findIndex((f) => f.text === 'n');
      expect(nAt).toBeGreaterThanOrEqual(0);
      expect(lines.length).toBe(screen.rows.length);
      const exported = lines.map((l) => l[nAt]?.text ?? '').sort();
      const shown = screen.rows.map((r) => (r.summary ? String(r.summary.n) : '')).sort();
      expect(exported).toEqual(shown);
    }
  });

  it('refuses a filter that would add cells up, naming the field', async () => {
    for (const [search, field] of [
      [`groupBy=district&unitIds=${unitIdsJoined()}`, 'unitIds'],
      ['groupBy=theme&ageBands=3-5&genders=male', 'genders'],
      ['groupBy=ageBand,gender', 'groupBy'],
    ] as const) {
      const res = await t.as(analyst, 'GET', `/api/v1/measurement?${search}`);
      expect(res.statusCode, search).toBe(400);
      expect(JSON.stringify(res.json())).toContain(field);
    }
  });
});

const unitIdsJoined = () => unitIds.slice(0, 2).join(',');

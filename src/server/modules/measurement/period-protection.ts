import { AGE_BANDS } from '../../../domain/measurement/age-band.ts';
import { protectSlice } from '../../../domain/measurement/disclosure/protect-slice.ts';
import { sliceOf, type TFineCell } from '../../../domain/measurement/disclosure/slice.ts';
import type { Queryable } from '../../db/client.ts';

export const GENDERS = ['female', 'male', 'other'] as const;

/** The protected cube of one period (decision 022): per theme, every cell's code (slice.ts). */
export interface TPeriodProtection {
  version: number;
  rowOfUnit: Map<string, number>;
  rowOfDistrict: Map<string, number>;
  totalRow: number;
  themes: Map<string, Uint8Array>;
  /** Slices whose small cells could not be protected one by one, so all their figures are hidden. */
  fellBack: number;
}

/**
 * Computes the protection of one period from its finest cells (period × unit × age band × gender × theme):
 * every theme's slice is protected on its own, since a child's share of one theme says nothing of another's.
 */
export async function protectPeriod(
  q: Queryable,
  municipalityId: string,
  period: string,
  version: number,
): Promise<TPeriodProtection> {
  const [units, districts, cells] = await Promise.all([
    q.query<[string, string | null]>({
      text: 'SELECT id::text, district_id::text FROM units WHERE municipality_id = $1 ORDER BY id',
      values: [municipalityId],
      rowMode: 'array',
    }),
    q.query<[string]>({
      text: 'SELECT id::text FROM districts WHERE municipality_id = $1 ORDER BY id',
      values: [municipalityId],
      rowMode: 'array',
    }),
    q.query<[string, string, string, string, number, number]>({
      text: `SELECT theme_key, unit_id::text, age_band, gender::text, n, sum_x FROM measurement_cells
              WHERE municipality_id = $1 AND period = $2 AND n > 0`,
      values: [municipalityId, period],
      rowMode: 'array',
    }),
  ]);
  const rowOfUnit = new Map(units.rows.map(([id], i) => [id, i]));
  const districtIndex = new Map(districts.rows.map(([id], i) => [id, i]));
  const districtOf = Int32Array.from(units.rows, ([, d]) => (d === null ? -1 : (districtIndex.get(d) ?? -1)));
  const rowOfDistrict = new Map([...districtIndex].map(([id, d]) => [id, units.rows.length + d]));
  const byTheme = new Map<string, TFineCell[]>();
  for (const [theme, unitId, band, gender, n, s] of cells.rows) {
    const unit = rowOfUnit.get(unitId);
    const age = (AGE_BANDS as readonly string[]).indexOf(band);
    const g = (GENDERS as readonly string[]).indexOf(gender);
    if (unit === undefined || age < 0 || g < 0) continue;
    const list = byTheme.get(theme) ?? [];
    list.push({ unit, age, gender: g, n, s });
    byTheme.set(theme, list);
  }
  const themes = new Map<string, Uint8Array>();
  let fellBack = 0;
  for (const [theme, fine] of byTheme) {
    const protection = protectSlice(sliceOf(districtOf, districts.rows.length, fine));
    themes.set(theme, protection.codes);
    if (protection.fellBack) fellBack++;
  }
  return {
    version,
    rowOfUnit,
    rowOfDistrict,
    totalRow: units.rows.length + districts.rows.length,
    themes,
    fellBack,
  };
}

const cache = new Map<string, { version: number; protection: Promise<TPeriodProtection> }>();

/**
 * The protection of each period asked for, from this process's cache while the period's version (kept by
 * triggers, migration 0018) is unchanged, else computed anew within the reader's own snapshot.
 */
export async function periodProtections(
  q: Queryable,
  municipalityId: string,
  periods: readonly string[],
): Promise<Map<string, TPeriodProtection>> {
  // The database's name keys the cache too: one process may serve several databases (the tests do).
  const { rows } = await q.query<[string, string | null, string | null]>({
    text: `SELECT current_database(), NULL, NULL
           UNION ALL SELECT NULL, period, version::text FROM measurement_versions
            WHERE municipality_id = $1 AND period = ANY($2::text[])`,
    values: [municipalityId, periods],
    rowMode: 'array',
  });
  const database = rows.find(([db]) => db !== null)?.[0] ?? '';
  const versions = new Map(rows.filter(([db]) => db === null).map(([, p, v]) => [p, Number(v)]));
  const out = new Map<string, TPeriodProtection>();
  // One at a time: a transaction's connection runs one query at a time anyway.
  for (const period of periods) {
    const version = versions.get(period) ?? 0;
    const key = `${database}|${municipalityId}|${period}`;
    let entry = cache.get(key);
    if (!entry || entry.version !== version) {
      const protection = protectPeriod(q, municipalityId, period, version);
      entry = { version, protection };
      cache.set(key, entry);
      protection.catch(() => cache.delete(key));
    }
    out.set(period, await entry.protection);
  }
  return out;
}

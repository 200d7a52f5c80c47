import { AGE_BANDS } from '../../../domain/measurement/age-band.ts';
import { protectSlice } from '../../../domain/measurement/disclosure/protect-slice.ts';
import { COLUMNS, sliceOf, type TFineCell } from '../../../domain/measurement/disclosure/slice.ts';
import { GENDERS } from '../../../shared/schemas/common.ts';
import type { Db, Queryable } from '../../db/client.ts';

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
  // One after another: a transaction's connection runs one query at a time.
  const units = await q.query<[string, string | null]>({
    text: 'SELECT id::text, district_id::text FROM units WHERE municipality_id = $1 ORDER BY id',
    values: [municipalityId],
    rowMode: 'array',
  });
  const districts = await q.query<[string]>({
    text: 'SELECT id::text FROM districts WHERE municipality_id = $1 ORDER BY id',
    values: [municipalityId],
    rowMode: 'array',
  });
  const cells = await q.query<[string, string, string, string, number, number]>({
    text: `SELECT theme_key, unit_id::text, age_band, gender::text, n, sum_x FROM measurement_cells
            WHERE municipality_id = $1 AND period = $2 AND n > 0`,
    values: [municipalityId, period],
    rowMode: 'array',
  });
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

/** The versions of a municipality's periods, and the database's name (it keys the cache too). */
export interface TVersions {
  database: string;
  versions: Map<string, number>;
}

/**
 * As SQL text to put beside another read of the same transaction (one round trip less on the hot path):
 * rows of (kind, key, value) — ('database', name, NULL) and ('version', period, version).
 */
export const VERSIONS_SQL = `SELECT 'database', current_database(), NULL
  UNION ALL SELECT 'version', period, version::text FROM measurement_versions WHERE municipality_id = $1`;

/** TVersions from VERSIONS_SQL's rows (other rows are left alone). */
export function versionsOf(rows: readonly (readonly [string, string, string | null])[]): TVersions {
  const read: TVersions = { database: '', versions: new Map() };
  for (const [kind, key, value] of rows) {
    if (kind === 'database') read.database = key;
    else if (kind === 'version') read.versions.set(key, Number(value));
  }
  return read;
}

async function readVersions(q: Queryable, municipalityId: string): Promise<TVersions> {
  const { rows } = await q.query<[string, string, string | null]>({
    text: VERSIONS_SQL,
    values: [municipalityId],
    rowMode: 'array',
  });
  return versionsOf(rows);
}

/** Where a computed protection is kept for other processes: written on the owner's pool, after the read. */
export type TStoreProtection = (
  municipalityId: string,
  period: string,
  protection: TPeriodProtection,
) => void;

/**
 * The protection of each period asked for: this process's copy while the period's version (kept by
 * triggers, migration 0018) is unchanged, else the stored one of the same version, else computed anew
 * within the reader's own snapshot (and stored).
 */
export async function periodProtections(
  q: Queryable,
  municipalityId: string,
  periods: readonly string[],
  store?: TStoreProtection,
  read?: TVersions,
): Promise<Map<string, TPeriodProtection>> {
  const { database, versions } = read ?? (await readVersions(q, municipalityId));
  const keyOf = (period: string) => `${database}|${municipalityId}|${period}`;
  const missing = periods.filter((p) => cache.get(keyOf(p))?.version !== (versions.get(p) ?? 0));
  const stored = missing.length ? await storedProtections(q, municipalityId, missing) : new Map();
  const out = new Map<string, TPeriodProtection>();
  // One at a time: a transaction's connection runs one query at a time anyway.
  for (const period of periods) {
    const version = versions.get(period) ?? 0;
    const key = keyOf(period);
    let entry = cache.get(key);
    if (!entry || entry.version !== version) {
      const kept = stored.get(period);
      const protection =
        kept?.version === version
          ? Promise.resolve(kept)
          : protectPeriod(q, municipalityId, period, version).then((computed) => {
              store?.(municipalityId, period, computed);
              return computed;
            });
      entry = { version, protection };
      cache.set(key, entry);
      protection.catch(() => cache.delete(key));
    }
    out.set(period, await entry.protection);
  }
  return out;
}

async function storedProtections(
  q: Queryable,
  municipalityId: string,
  periods: readonly string[],
): Promise<Map<string, TPeriodProtection>> {
  const { rows } = await q.query<[string, string, string[], string[], string[], Buffer, number]>({
    text: `SELECT period, version::text, unit_ids::text[], district_ids::text[], themes, codes, fell_back
             FROM measurement_protection WHERE municipality_id = $1 AND period = ANY($2::text[])`,
    values: [municipalityId, periods],
    rowMode: 'array',
  });
  const out = new Map<string, TPeriodProtection>();
  for (const [period, version, unitIds, districtIds, themes, codes, fellBack] of rows) {
    const size = (unitIds.length + districtIds.length + 1) * COLUMNS;
    out.set(period, {
      version: Number(version),
      rowOfUnit: new Map(unitIds.map((id, i) => [id, i])),
      rowOfDistrict: new Map(districtIds.map((id, i) => [id, unitIds.length + i])),
      totalRow: unitIds.length + districtIds.length,
      themes: new Map(
        themes.map((theme, i) => [theme, new Uint8Array(codes.subarray(i * size, (i + 1) * size))]),
      ),
      fellBack,
    });
  }
  return out;
}

/** Keeps a computed protection unless a newer version is already kept. */
export async function storeProtection(
  q: Queryable,
  municipalityId: string,
  period: string,
  p: TPeriodProtection,
): Promise<void> {
  const themes = [...p.themes.keys()];
  await q.query(
    `INSERT INTO measurement_protection AS s
            (municipality_id, period, version, unit_ids, district_ids, themes, codes, fell_back)
     VALUES ($1, $2, $3, $4::uuid[], $5::uuid[], $6, $7, $8)
     ON CONFLICT (municipality_id, period) DO UPDATE
       SET version = excluded.version, unit_ids = excluded.unit_ids, district_ids = excluded.district_ids,
           themes = excluded.themes, codes = excluded.codes, fell_back = excluded.fell_back
     WHERE s.version < excluded.version`,
    [
      municipalityId,
      period,
      p.version,
      [...p.rowOfUnit.keys()],
      [...p.rowOfDistrict.keys()],
      themes,
      Buffer.concat(themes.map((theme) => p.themes.get(theme) as Uint8Array)),
      p.fellBack,
    ],
  );
}

/** Computes and keeps every period's protection of a municipality (after a bulk build; bench P4). */
export async function buildProtection(db: Db, municipalityId: string): Promise<number> {
  const periods = await db.tenantRead(municipalityId, async (q) => {
    const { rows } = await q.query<{ period: string }>(
      'SELECT period FROM measurement_versions WHERE municipality_id = $1 ORDER BY period',
      [municipalityId],
    );
    return rows.map((r) => r.period);
  });
  for (const period of periods) {
    const protection = await db.tenantRead(municipalityId, async (q) => {
      const { rows } = await q.query<{ version: string }>(
        'SELECT version::text FROM measurement_versions WHERE municipality_id = $1 AND period = $2',
        [municipalityId, period],
      );
      return protectPeriod(q, municipalityId, period, Number(rows[0]?.version ?? 0));
    });
    await db.tenant(municipalityId, (q) => storeProtection(q, municipalityId, period, protection));
  }
  return periods.length;
}

import { randomUUID } from 'node:crypto';
import type { TSession, TTestApp } from '../../../../tests/fixtures/test-app.ts';
import type { TRole } from '../../../shared/permissions.ts';
import { currentEnrolment } from '../../access/enrolment.ts';

/**
 * Test data for the assessment tests, made through SQL so the tests neither depend on nor disturb the
 * seeded demo catalogue and rounds.
 */
export interface TTestFactor {
  code: string;
  kind: 'protective' | 'risk';
  themes: string[];
  bit?: number;
}

/** Protective and risk factors over two themes; one factor sits on bit 63, the sign bit of PostgreSQL's int8. */
export const CURRENT_FACTORS: TTestFactor[] = [
  { code: 'TP-FRITID', kind: 'protective', themes: ['t-faellesskab'] },
  { code: 'TP-VOKSEN', kind: 'protective', themes: ['t-tryghed'] },
  { code: 'TP-SKOLE', kind: 'protective', themes: ['t-faellesskab', 't-tryghed'] },
  { code: 'TP-SPROG', kind: 'protective', themes: ['t-tryghed'], bit: 63 },
  { code: 'TR-FRAVAER', kind: 'risk', themes: ['t-faellesskab'] },
  { code: 'TR-MOBNING', kind: 'risk', themes: ['t-faellesskab'] },
  { code: 'TR-KONFLIKT', kind: 'risk', themes: ['t-tryghed'] },
];
/** Only in the older version: the code to use for "belongs to another catalogue version". */
export const RETIRED_CODE = 'TR-GAMMEL';

export async function ensureThemes(t: TTestApp, municipalityId: string): Promise<void> {
  await t.db.pool.query(
    `INSERT INTO policy_themes (municipality_id, code, name_da, name_en, sort_order) VALUES
       ($1, 't-faellesskab', 'Fællesskab', 'Community', 90), ($1, 't-tryghed', 'Tryghed', 'Safety', 91)
     ON CONFLICT (municipality_id, code) DO NOTHING`,
    [municipalityId],
  );
}

/** A new published catalogue version holding exactly these factors; it becomes the latest. */
export async function publishTestCatalogue(
  t: TTestApp,
  municipalityId: string,
  factors: TTestFactor[],
): Promise<{ id: string; version: number }> {
  await ensureThemes(t, municipalityId);
  return t.db.tenant(municipalityId, async (q) => {
    const { rows } = await q.query(
      `INSERT INTO factor_catalogues (municipality_id, version, status)
       SELECT $1, coalesce(max(version), 0) + 1, 'draft' FROM factor_catalogues WHERE municipality_id = $1
       RETURNING id, version`,
      [municipalityId],
    );
    const catalogue = rows[0] as { id: string; version: number };
    for (const [i, f] of factors.entries()) {
      const { rows: inserted } = await q.query(
        `INSERT INTO factors (municipality_id, catalogue_id, code, kind, domain, label_da, label_en, bit)
         VALUES ($1, $2, $3, $4, 'community', $5, $6, $7) RETURNING id`,
        [municipalityId, catalogue.id, f.code, f.kind, `Faktor ${f.code}`, `Factor ${f.code}`, f.bit ?? i],
      );
      await q.query(
        `INSERT INTO factor_themes (municipality_id, factor_id, theme_id)
         SELECT $1, $2, id FROM policy_themes WHERE municipality_id = $1 AND code = ANY($3)`,
        [municipalityId, inserted[0].id, f.themes],
      );
    }
    await q.query(
      "UPDATE factor_catalogues SET status = 'published', published_at = now() WHERE municipality_id = $1 AND id = $2",
      [municipalityId, catalogue.id],
    );
    return catalogue;
  });
}

/** A new login with one role in each of the units, signed in (demo password). */
export async function addUser(
  t: TTestApp,
  municipalityId: string,
  role: TRole,
  unitIds: (string | null)[],
): Promise<TSession> {
  const suffix = randomUUID().slice(0, 8);
  const email = `${role}-${suffix}@test.beskyt.test`;
  const { rows } = await t.db.pool.query(
    `INSERT INTO users (municipality_id, email, name, password_hash)
     SELECT $1, $2, $3, password_hash FROM users WHERE email = 'professional@demo.beskyt.test' RETURNING id`,
    [municipalityId, email, `Test ${role} ${suffix}`],
  );
  for (const unitId of unitIds) {
    await t.db.pool.query(
      'INSERT INTO role_assignments (municipality_id, user_id, role, unit_id) VALUES ($1, $2, $3, $4)',
      [municipalityId, rows[0].id, role, unitId],
    );
  }
  return t.login(email);
}

export function unitOf(session: TSession, role: TRole, kind?: 'first' | 'last'): string {
  const units = (session.user.roles ?? []).filter((r) => r.role === role && r.unitId).map((r) => r.unitId);
  const unit = kind === 'last' ? units.at(-1) : units[0];
  if (!unit) throw new Error(`no ${role} unit`);
  return unit;
}

/** Hands out children currently enrolled in a unit, each once per test file, optionally within an age range. */
export function childPicker(t: TTestApp, municipalityId: string) {
  const used = new Set<string>();
  return async (
    unitId: string,
    ages: [number, number] = [0, 17],
  ): Promise<{ id: string; birthDate: string }> => {
    const { rows } = await t.db.pool.query(
      `SELECT c.id, c.birth_date AS "birthDate" FROM children c
        WHERE c.municipality_id = $1 AND c.id <> ALL($3::uuid[])
          AND extract(year FROM age(current_date, c.birth_date)) BETWEEN $4 AND $5
          AND EXISTS (SELECT 1 FROM enrolments e WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                         AND e.unit_id = $2 AND ${currentEnrolment('e').text})
        ORDER BY c.id LIMIT 1`,
      [municipalityId, unitId, [...used], ages[0], ages[1]],
    );
    if (!rows[0]) throw new Error(`no free child aged ${ages.join('–')} in unit ${unitId}`);
    used.add(rows[0].id);
    return rows[0];
  };
}

/** Row counts of everything an assessment write touches, with every queued audit event written first. */
export async function writeCounts(t: TTestApp): Promise<Record<string, number>> {
  await t.audit.drain();
  const { rows } = await t.db.pool.query(
    `SELECT (SELECT count(*)::int FROM assessments) AS assessments,
            (SELECT coalesce(sum(version), 0)::int FROM assessments) AS versions,
            (SELECT count(*)::int FROM assessment_factors) AS factor_rows,
            (SELECT count(*)::int FROM assessment_rounds) AS rounds,
            (SELECT count(*)::int FROM round_units) AS round_units,
            (SELECT count(*)::int FROM measurement_contributions) AS contributions,
            (SELECT count(*)::int FROM audit_events) AS audit_events`,
  );
  return rows[0];
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

import { DEFAULT_LEISURE_PASS } from '../../../domain/offers/leisure-pass.ts';
import type { TLeisurePassSettings } from '../../../shared/schemas/leisure-passes.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** The municipality's leisure pass, or the defaults (no pass, 8 weeks, every referring role) while it has set none. */
export async function loadLeisurePassSettings(
  q: Queryable,
  m: string,
  options: { forUpdate?: boolean } = {},
): Promise<TLeisurePassSettings> {
  const { rows } = await q.query(
    sql`SELECT enabled, amount_per_year_dkk AS "amountPerYearDkk", grant_roles AS "grantRoles",
               unused_weeks AS "unusedWeeks", version, updated_at AS "updatedAt"
          FROM leisure_pass_settings WHERE municipality_id = ${m}
          ${options.forUpdate ? sql`FOR UPDATE` : sql.empty}`,
  );
  const row = rows[0];
  if (!row) return { ...DEFAULT_LEISURE_PASS, version: 1, updatedAt: null };
  return { ...row, updatedAt: new Date(row.updatedAt).toISOString() };
}

import { DEFAULT_ANSWER_DEADLINES } from '../../../domain/offers/referral-status.ts';
import type { TReferralSettings } from '../../../shared/schemas/referral-views.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** The municipality's answer deadlines for referrals, or the defaults (2 and 10 weekdays) while it has set none. */
export async function loadReferralSettings(
  q: Queryable,
  m: string,
  options: { forUpdate?: boolean } = {},
): Promise<TReferralSettings> {
  const { rows } = await q.query(
    sql`SELECT alert_weekdays AS "alertWeekdays", escalate_weekdays AS "escalateWeekdays", version,
               updated_at AS "updatedAt"
          FROM referral_settings WHERE municipality_id = ${m} ${options.forUpdate ? sql`FOR UPDATE` : sql.empty}`,
  );
  const row = rows[0];
  if (!row) return { ...DEFAULT_ANSWER_DEADLINES, version: 1, updatedAt: null };
  return { ...row, updatedAt: new Date(row.updatedAt).toISOString() };
}

import { DEFAULT_FOLLOW_UP_MONTHS } from '../../../shared/schemas/offer-learning.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

export interface TLearningSettings {
  followUpMonths: number;
  version: number;
}

/** The municipality's follow-up months; the default (version 1) until an admin sets them. */
export async function loadLearningSettings(
  q: Queryable,
  m: string,
  options: { forUpdate?: boolean } = {},
): Promise<TLearningSettings> {
  const { rows } = await q.query(
    sql`SELECT follow_up_months, version FROM offer_learning_settings
         WHERE municipality_id = ${m} ${options.forUpdate ? sql`FOR UPDATE` : sql.empty}`,
  );
  return rows[0]
    ? { followUpMonths: rows[0].follow_up_months, version: rows[0].version }
    : { followUpMonths: DEFAULT_FOLLOW_UP_MONTHS, version: 1 };
}

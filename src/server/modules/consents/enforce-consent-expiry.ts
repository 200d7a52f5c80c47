import type { Db } from '../../db/client.ts';
import { alertOrganisers } from './withdraw-consent.ts';

/**
 * The scheduled job (pg-boss, daily and at start): marks consents whose period has ended as expired and
 * alerts the organisers of meetings that relied on them. The sharing rule already refuses access after
 * valid_to; this records when it ended and tells the people who planned with it. Idempotent.
 */
export async function enforceConsentExpiry(db: Db): Promise<{ expired: number; alerts: number }> {
  const { rows: municipalities } = await db.pool.query('SELECT id FROM municipalities');
  let expired = 0;
  let alerts = 0;
  for (const { id } of municipalities) {
    await db.tenant(id, async (q) => {
      const { rows } = await q.query(
        `UPDATE consents SET expired_at = now()
          WHERE municipality_id = $1 AND valid_to < current_date AND withdrawn_at IS NULL AND expired_at IS NULL
          RETURNING id`,
        [id],
      );
      expired += rows.length;
      for (const r of rows) alerts += await alertOrganisers(q, id, r.id, 'consentExpired');
    });
  }
  return { expired, alerts };
}

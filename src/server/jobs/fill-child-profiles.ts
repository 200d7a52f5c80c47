import type { Db } from '../db/client.ts';

/** Children per transaction: a batch's refresh holds their rows locked until it commits. */
const BATCH_SIZE = 2_000;

/**
 * Builds the profile documents (decision 017) that are missing: children written with the triggers
 * deferred (the Copenhagen-scale build) have none until this runs; their profiles are computed live
 * meanwhile. Municipality by municipality, in batches in id order, each in its own tenant transaction, so
 * a large backlog never holds many rows locked for long. `child_profiles_refresh` takes the same child
 * locks as the triggers, so a concurrent write to one of these children is never lost. Returns how many
 * children it built documents for.
 */
export async function fillChildProfiles(db: Db, options: { batchSize?: number } = {}): Promise<number> {
  const batchSize = options.batchSize ?? BATCH_SIZE;
  const { rows: municipalities } = await db.pool.query<{ id: string }>(
    'SELECT id FROM municipalities ORDER BY id',
  );
  let built = 0;
  for (const { id: m } of municipalities) {
    // Keyset: each batch starts after the last child the previous one looked at, so a pass reads each
    // child once however many documents are missing.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const ids = await db.tenant(m, async (q) => {
        const { rows } = await q.query<{ ids: string[] | null }>(
          `SELECT array_agg(id ORDER BY id) AS ids FROM (
             SELECT c.id FROM children c
              WHERE c.municipality_id = $1 AND c.id > $2
                AND NOT EXISTS (SELECT 1 FROM child_profiles p
                                 WHERE p.municipality_id = c.municipality_id AND p.child_id = c.id)
              ORDER BY c.id LIMIT $3) missing`,
          [m, after, batchSize],
        );
        const missing = rows[0]?.ids ?? [];
        if (missing.length > 0) await q.query('SELECT child_profiles_refresh($1, $2::uuid[])', [m, missing]);
        return missing;
      });
      built += ids.length;
      const last = ids[ids.length - 1];
      if (ids.length < batchSize || last === undefined) break;
      after = last;
    }
  }
  return built;
}

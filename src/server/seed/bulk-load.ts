import type { Queryable } from '../db/client.ts';

/**
 * Runs `load` with the per-row foreign-key checks switched off (session_replication_role = replica),
 * for bulk inserts whose references the seed has just created itself: the checks cost more than the
 * inserts (~10 µs per reference per row). Only when it is safe and allowed: the role is a superuser
 * (else the setting is refused) and none of `tables` has a trigger of its own — replica mode would skip
 * that too, and a trigger someone adds later must not be bypassed silently. Otherwise `load` simply runs
 * with the checks. The integration tests check the references of every seeded row.
 *
 * The child-profile triggers (migration 0013) are the one exception: in a transaction that deferred them
 * (`beskyt.defer_child_profiles` = 'on', see deferChildProfiles) they build nothing anyway, so replica mode
 * skipping them skips nothing, and the fill job builds those documents later.
 */
export async function withoutReferenceChecks<T>(
  q: Queryable,
  tables: readonly string[],
  load: () => Promise<T>,
): Promise<T> {
  const { rows } = await q.query<{ allowed: boolean }>(
    `SELECT current_setting('is_superuser') = 'on'
            AND NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = ANY($1::regclass[]) AND NOT tgisinternal
                              AND NOT (tgname LIKE 'child\\_profiles\\_%' AND child_profiles_deferred())) AS allowed`,
    [tables],
  );
  if (!rows[0]?.allowed) return load();
  await q.query('SET LOCAL session_replication_role = replica');
  try {
    return await load();
  } finally {
    // After a failed statement the transaction is rolled back anyway, which undoes the setting too.
    await q.query('SET LOCAL session_replication_role = origin').catch(() => {});
  }
}

/**
 * Switches the child-profile triggers off for the rest of the caller's transaction (SET LOCAL): a bulk
 * build of ~110,000 children cannot afford a document refresh after each of its inserts. Those children
 * read through the live fallback until the fill job (src/server/jobs/fill-child-profiles.ts) builds their
 * documents. Decision 017.
 */
export async function deferChildProfiles(q: Queryable): Promise<void> {
  await q.query("SELECT set_config('beskyt.defer_child_profiles', 'on', true)");
}

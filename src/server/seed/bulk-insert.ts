import type { Queryable } from '../db/client.ts';

/** Column name → PostgreSQL type of the array parameter (`uuid`, `text`, `date`, `bytea`, an enum …). */
export type TColumns<R> = { readonly [K in keyof R]: string };

const BATCH_SIZE = 1000;

/**
 * Inserts rows a thousand (or `batchSize`) at a time as one `INSERT … SELECT FROM unnest(…)` per batch: one parameter
 * per column instead of per value, and one round trip per batch instead of per row.
 * Table and column names come from this folder's code, never from input.
 */
export async function insertRows<R extends object>(
  q: Queryable,
  table: string,
  columns: TColumns<R>,
  rows: readonly R[],
  batchSize = BATCH_SIZE,
): Promise<void> {
  const names = Object.keys(columns) as (keyof R & string)[];
  const casts = names.map((name, i) => `$${i + 1}::${columns[name]}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${casts})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await q.query(
      sql,
      names.map((name) => batch.map((row) => row[name] ?? null)),
    );
  }
}

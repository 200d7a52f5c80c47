import type { Db } from '../db/client.ts';
import { refreshPopulation } from '../modules/measurement/refresh-population.ts';

/** Recounts the population of every period with a round open today, in each municipality's own transaction. */
export async function refreshOpenPopulations(db: Db): Promise<number> {
  const { rows } = await db.pool.query(
    `SELECT DISTINCT municipality_id, period FROM assessment_rounds
      WHERE opens_on <= current_date AND closes_on >= current_date`,
  );
  for (const r of rows)
    await db.tenant(r.municipality_id, (q) => refreshPopulation(q, r.municipality_id, r.period));
  return rows.length;
}

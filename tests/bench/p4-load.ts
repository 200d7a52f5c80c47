import { randomBytes } from 'node:crypto';
import { createDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { buildScaleMunicipality } from '../../src/server/seed/scale/scale.ts';
import { createBenchDatabase } from './bench-database.ts';
import { report } from './report.ts';

/**
 * P4: building the Copenhagen-scale municipality (110,000 children, ten rounds, ~1 M joint assessments,
 * rollup) on a fresh, migrated database, through the same function as `npm run seed -- --scale copenhagen`.
 * Target ≤ 60 s. BENCH_P4_CHILDREN overrides the number of children.
 */
export async function benchP4(): Promise<void> {
  const database = await createBenchDatabase();
  const db = createDb(database.url, { max: 2 });
  try {
    await migrate(db);
    const built = await buildScaleMunicipality(db, createCprCipher(randomBytes(32).toString('hex')), {
      children: process.env.BENCH_P4_CHILDREN ? Number(process.env.BENCH_P4_CHILDREN) : undefined,
      log: (m) => console.error(m),
    });
    if (!built.created) throw new Error(`${built.slug} existed already in a fresh database`);
    const counts = await db.pool.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM children WHERE municipality_id = $1)::int AS children,
              (SELECT count(*) FROM enrolments WHERE municipality_id = $1)::int AS enrolments,
              (SELECT count(*) FROM assessments WHERE municipality_id = $1 AND mode = 'joint')::int AS joint_assessments,
              (SELECT count(*) FROM measurement_contributions WHERE municipality_id = $1)::int AS contributions,
              (SELECT count(*) FROM measurement_cells WHERE municipality_id = $1)::int AS cells`,
      [built.id],
    );
    report('P4', 'build_seconds', built.totalSeconds, 's');
    for (const [metric, value] of Object.entries(counts.rows[0] ?? {})) report('P4', metric, value, 'rows');
    for (const step of built.steps) {
      report('P4', `step_${step.step.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`, step.seconds, 's');
    }
  } finally {
    await db.close();
    await database.drop();
  }
}

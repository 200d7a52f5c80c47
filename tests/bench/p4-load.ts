import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/server/db/client.ts';
import { createDb } from '../../src/server/db/client.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { createCprCipher } from '../../src/server/modules/children/cpr.ts';
import { buildProtection } from '../../src/server/modules/measurement/period-protection.ts';
import { buildScaleMunicipality } from '../../src/server/seed/scale/scale.ts';
import { createBenchDatabase } from './bench-database.ts';
import { measureCopyFloor } from './copy-floor.ts';
import { report } from './report.ts';

/**
 * A step that runs after the Copenhagen build on the built municipality and is part of the build: timed and
 * reported on its own (`metric`, seconds) and counted with the build in `ratio_to_copy_floor`, whose floor
 * then loads the rows it wrote as well.
 */
interface TLaterStep {
  metric: string;
  run: (db: Db, municipalityId: string) => Promise<unknown>;
}

/** One line per later step, in order. */
const LATER_STEPS: readonly TLaterStep[] = [
  // The protected cube of every period (decision 022), computed and kept once the cells exist.
  { metric: 'protection_build', run: (db, m) => buildProtection(db, m) },
];

/**
 * P4: building the Copenhagen-scale municipality (110,000 children, ten rounds, ~1 M joint assessments,
 * rollup) on a fresh, migrated database, through the same function as `npm run seed -- --scale copenhagen`.
 * Target ≤ 60 s. BENCH_P4_CHILDREN overrides the number of children.
 *
 * Absolute times differ twofold between machines of one kind, so P4 also measures its floor in the same
 * run — the built tables' rows loaded with COPY into empty tables of the same schema (copy-floor.ts) — and
 * reports build ÷ floor.
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
    let buildSeconds = built.totalSeconds;
    const later: { metric: string; seconds: number }[] = [];
    for (const step of LATER_STEPS) {
      const start = performance.now();
      await step.run(db, built.id);
      const seconds = (performance.now() - start) / 1000;
      console.error(`  ${step.metric.padEnd(38)} ${seconds.toFixed(2).padStart(6)} s`);
      later.push({ metric: step.metric, seconds });
      buildSeconds += seconds;
    }
    const counts = await db.pool.query<Record<string, number>>(
      `SELECT (SELECT count(*) FROM children WHERE municipality_id = $1)::int AS children,
              (SELECT count(*) FROM enrolments WHERE municipality_id = $1)::int AS enrolments,
              (SELECT count(*) FROM assessments WHERE municipality_id = $1 AND mode = 'joint')::int AS joint_assessments,
              (SELECT count(*) FROM measurement_contributions WHERE municipality_id = $1)::int AS contributions,
              (SELECT count(*) FROM measurement_cells WHERE municipality_id = $1)::int AS cells`,
      [built.id],
    );
    const floor = await measureCopyFloor(db, built.id, { log: (m) => console.error(m) });

    report('P4', 'build_seconds', built.totalSeconds, 's');
    for (const step of later) report('P4', step.metric, step.seconds, 's');
    for (const [metric, value] of Object.entries(counts.rows[0] ?? {})) report('P4', metric, value, 'rows');
    for (const step of built.steps) {
      report('P4', `step_${step.step.replace(/[^a-z0-9]+/gi, '_').toLowerCase()}`, step.seconds, 's');
    }
    report('P4', 'floor_copy_rows', floor.rows, 'rows');
    report('P4', 'floor_copy_load', floor.seconds, 's');
    report(
      'P4',
      'ratio_to_copy_floor',
      buildSeconds / floor.seconds,
      later.length ? 'build and later steps/floor' : 'build/floor',
    );
  } finally {
    await db.close();
    await database.drop();
  }
}

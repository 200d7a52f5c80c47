// `npm run seed [-- --children N]`: demo municipalities on first run, a benchmark municipality after.
// `npm run seed -- --scale copenhagen [--children N]`: the demo ones if missing, then the Copenhagen-scale one.
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb } from '../db/client.ts';
import { startEmbeddedPostgres } from '../db/embedded.ts';
import { migrate } from '../db/migrate.ts';
import { readEnv } from '../env.ts';
import { createCprCipher } from '../modules/children/cpr.ts';
import { seedBenchmark } from './demo/bench.ts';
import { DEMO_PASSWORD, demoLogins, seedDemo } from './demo/demo.ts';
import { readOrCreateDevKey } from './dev-key.ts';
import { buildScaleMunicipality } from './scale/scale.ts';

const USAGE = `Usage: npm run seed [-- --children N]   (N children per municipality, default 2000)
       npm run seed -- --scale copenhagen [--children N] [--all-contributions]
                                        (N children 0–17, default 110000; ten rounds of joint assessments)`;
const MAX_CHILDREN = 1_000_000;
const SCALES = ['copenhagen'] as const;

interface TArgs {
  children?: number;
  scale?: (typeof SCALES)[number];
  allContributions: boolean;
}

function parseCli(argv: string[]): TArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      children: { type: 'string' },
      scale: { type: 'string' },
      'all-contributions': { type: 'boolean', default: false },
    },
  });
  let children: number | undefined;
  if (values.children !== undefined) {
    children = Number(values.children);
    if (!Number.isInteger(children) || children < 1 || children > MAX_CHILDREN) {
      throw new Error(
        `--children must be a whole number from 1 to ${MAX_CHILDREN}, not "${values.children}"`,
      );
    }
  }
  const scale = values.scale;
  if (scale !== undefined && !SCALES.includes(scale as TArgs['scale'] & string)) {
    throw new Error(`--scale must be one of ${SCALES.join(', ')}, not "${scale}"`);
  }
  return { children, scale: scale as TArgs['scale'], allContributions: values['all-contributions'] ?? false };
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

/** The configured database, or the embedded one in DATA_DIR started for the duration of the seed. */
async function openDatabase(databaseUrl: string | undefined, dataDir: string) {
  if (databaseUrl) return { url: databaseUrl, stop: async () => {} };
  const embedded = await startEmbeddedPostgres(dataDir, (m) => console.error(m));
  try {
    await ensureDatabase(embedded.url('postgres'), 'beskyt');
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  return { url: embedded.url('beskyt'), stop: embedded.stop };
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main(): Promise<number> {
  if (process.env.NODE_ENV === 'production') {
    console.error('Refusing to seed: NODE_ENV=production. Demo data must never reach a production database.');
    return 1;
  }
  let args: TArgs;
  try {
    args = parseCli(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const env = readEnv();
  const started = performance.now();
  const database = await openDatabase(env.DATABASE_URL, env.DATA_DIR);
  const db = createDb(database.url, { max: 2 });
  try {
    await migrate(db);
    console.log(`Database ready in ${seconds(started)}`);
    const cipher = createCprCipher(env.BESKYT_CPR_KEY ?? (await readOrCreateDevKey(env.DATA_DIR)));

    const seeding = performance.now();
    const children = args.children;
    const demo = await seedDemo(db, cipher, {
      childrenPerMunicipality: args.scale ? undefined : children,
      log: (m) => console.log(m),
    });
    if (args.scale) {
      if (demo.created) console.log(`Demo data created in ${seconds(seeding)}.`);
      console.log(`Building ${args.scale}:`);
      const scale = await buildScaleMunicipality(db, cipher, {
        children,
        contributions: args.allContributions ? 'all' : 'open',
        log: (m) => console.log(m),
      });
      if (!scale.created) {
        console.log(`Municipality ${scale.slug} already exists; nothing to do.`);
      } else {
        console.log(
          `Built ${scale.name} in ${scale.totalSeconds.toFixed(1)} s: ${scale.children} children 0–17 ` +
            `(+${scale.formerChildren} who turned 18 since the first round), ${scale.units} units, ` +
            `${scale.enrolments} enrolments, ${scale.rounds} rounds, ${scale.jointAssessments} joint assessments, ` +
            `${scale.contributions} contributions, ${scale.cells} cells. Logins (password "${DEMO_PASSWORD}"):`,
        );
        for (const login of scale.logins) console.log(`  ${login.email}`);
      }
    } else if (demo.created) {
      console.log(`Demo data created in ${seconds(seeding)}. Logins (password "${DEMO_PASSWORD}"):`);
      for (const login of demoLogins()) console.log(`  ${login.email.padEnd(34)} ${login.municipality}`);
    } else if (children === undefined) {
      console.log('Demo data already present; nothing to do. Add --children N for a benchmark municipality.');
    } else {
      const bench = await seedBenchmark(db, cipher, children);
      if (!bench.created) {
        console.log(`Benchmark municipality ${bench.slug} already exists; nothing to do.`);
      } else {
        console.log(
          `Seeded ${bench.name}: ${bench.children} children, ${bench.units} units, ` +
            `${bench.enrolments} enrolments in ${seconds(seeding)}. Logins (password "${DEMO_PASSWORD}"):`,
        );
        for (const login of bench.logins) console.log(`  ${login.email}`);
      }
    }
  } finally {
    await db.close();
    await database.stop();
  }
  console.log(`Done in ${seconds(started)}`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

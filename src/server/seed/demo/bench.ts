import type { Db } from '../../db/client.ts';
import { hashPassword } from '../../modules/auth/password.ts';
import type { CprCipher } from '../../modules/children/cpr.ts';
import { createRng, seedFromText } from '../rng.ts';
import { DEMO_PASSWORD, refuseInProduction } from './demo.ts';
import { seedMunicipality, type TSeededMunicipality } from './municipality.ts';

const SHARED_DOMAIN = 'bench.beskyt.test';

type TBenchSeed = { created: false; slug: string } | ({ created: true } & TSeededMunicipality);

/**
 * Adds a municipality of `children` synthetic children for load tests, beside the demo ones.
 * Logins are `<role>@bench.beskyt.test`; as e-mail addresses are unique across municipalities,
 * a second benchmark municipality falls back to `<role>@bench-<N>.beskyt.test`.
 */
export async function seedBenchmark(db: Db, cipher: CprCipher, children: number): Promise<TBenchSeed> {
  refuseInProduction();
  const slug = `bench-${children}`;
  const result = await db.system(async (q): Promise<TBenchSeed> => {
    const existing = await q.query('SELECT 1 FROM municipalities WHERE slug = $1', [slug]);
    if (existing.rowCount) return { created: false, slug };
    const taken = await q.query('SELECT 1 FROM users WHERE lower(email) LIKE $1 LIMIT 1', [
      `%@${SHARED_DOMAIN}`,
    ]);
    const seeded = await seedMunicipality(q, cipher, {
      slug,
      code: `B${children}`,
      name: `Benchmark Kommune (${children} børn)`,
      emailDomain: taken.rowCount ? `${slug}.beskyt.test` : SHARED_DOMAIN,
      children,
      rng: createRng(seedFromText(slug)),
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    return { created: true, ...seeded };
  });
  if (result.created) await db.pool.query('ANALYZE');
  return result;
}

import { ROLES, type TRole } from '../../../shared/permissions.ts';
import type { Db } from '../../db/client.ts';
import { hashPassword } from '../../modules/auth/password.ts';
import type { CprCipher } from '../../modules/children/cpr.ts';
import { createRng, seedFromText } from '../rng.ts';
import { demoEmail, EXTRA_PARTNERS } from './demo-users.ts';
import { seedMunicipality } from './municipality.ts';

export const DEMO_PASSWORD = 'beskyt-demo';
/** Every role gets one demo login per demo municipality. */
export const DEMO_ROLES: readonly TRole[] = ROLES;

const DEMO_MUNICIPALITIES = [
  { slug: 'demo', code: '901', name: 'Demo Kommune', emailDomain: 'demo.beskyt.test' },
  { slug: 'nabo', code: '902', name: 'Nabo Kommune', emailDomain: 'nabo.beskyt.test' },
] as const;

// Distinct from the migrator's lock: two app instances starting on an empty database must seed once.
const SEED_LOCK = 727_275;

export interface TDemoLogin {
  email: string;
  role: TRole;
  /** The municipality's display name, e.g. "Demo Kommune". */
  municipality: string;
}

/** The logins `seedDemo` creates, for the server to print at start. */
export function demoLogins(): TDemoLogin[] {
  return DEMO_MUNICIPALITIES.flatMap((m) => [
    ...DEMO_ROLES.map((role) => ({ email: demoEmail(role, m.emailDomain), role, municipality: m.name })),
    ...EXTRA_PARTNERS.map((p) => ({
      email: `${p.local}@${m.emailDomain}`,
      role: 'partner' as const,
      municipality: m.name,
    })),
  ]);
}

export function refuseInProduction(): void {
  if (process.env.NODE_ENV === 'production') {
    throw new Error('Demo data is never created when NODE_ENV=production');
  }
}

/**
 * Creates "Demo Kommune" and "Nabo Kommune" with synthetic children and one login per role, in one
 * transaction. Does nothing when the demo municipality already exists.
 */
export async function seedDemo(
  db: Db,
  cipher: CprCipher,
  options: { childrenPerMunicipality?: number; log?: (m: string) => void } = {},
): Promise<{ created: boolean }> {
  refuseInProduction();
  const children = options.childrenPerMunicipality ?? 2000;
  const log = options.log ?? (() => {});
  const result = await db.system(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
    const existing = await q.query('SELECT 1 FROM municipalities WHERE slug = $1', ['demo']);
    if (existing.rowCount) return { created: false };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (const m of DEMO_MUNICIPALITIES) {
      const started = performance.now();
      const seeded = await seedMunicipality(q, cipher, {
        ...m,
        children,
        rng: createRng(seedFromText(m.slug)),
        passwordHash,
        assessments: true,
      });
      log(
        `Seeded ${seeded.name}: ${seeded.children} children in ${seeded.families} families, ` +
          `${seeded.units} units, ${seeded.enrolments} enrolments, ${seeded.assessments} assessments ` +
          `(${Math.round(performance.now() - started)} ms)`,
      );
    }
    return { created: true };
  });
  // Fresh statistics: without them the planner picks poor plans for the first queries on the new rows.
  if (result.created) await db.pool.query('ANALYZE');
  return result;
}

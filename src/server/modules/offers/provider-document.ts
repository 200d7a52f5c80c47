import type { TProvider, TProviderMember } from '../../../shared/schemas/offer-views.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** The municipality's providers (or one), by name, with their unit and how many offers each has. */
export async function selectProviders(q: Queryable, m: string, id?: string): Promise<TProvider[]> {
  const { rows } = await q.query(
    sql`SELECT p.*, u.name AS unit_name,
               (SELECT count(*) FROM offers o WHERE o.municipality_id = p.municipality_id AND o.provider_id = p.id) AS offer_count
          FROM offer_providers p LEFT JOIN units u ON u.municipality_id = p.municipality_id AND u.id = p.unit_id
         WHERE p.municipality_id = ${m} AND (${id ?? null}::uuid IS NULL OR p.id = ${id ?? null})
         ORDER BY p.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name } : null,
    description: r.description,
    website: r.website ?? '',
    email: r.email ?? '',
    phone: r.phone ?? '',
    active: r.active,
    offerCount: r.offer_count,
    version: r.version,
  }));
}

/** The partner users who belong to the provider. */
export async function selectMembers(q: Queryable, m: string, providerId: string): Promise<TProviderMember[]> {
  const { rows } = await q.query(
    sql`SELECT u.id AS "userId", u.name, u.email, pm.added_at AS "addedAt"
          FROM provider_members pm JOIN users u ON u.municipality_id = pm.municipality_id AND u.id = pm.user_id
         WHERE pm.municipality_id = ${m} AND pm.provider_id = ${providerId} ORDER BY u.name`,
  );
  return rows.map((r) => ({ ...r, addedAt: new Date(r.addedAt).toISOString() }));
}

import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TOffer } from '../../../shared/schemas/offer-views.ts';
import type { TFindOffersQuery } from '../../../shared/schemas/offers.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { protectiveFactors } from '../cases/case-document.ts';
import { memberProvider, offerEditBasis } from './offers.access.ts';

type TWhere = Partial<Omit<TFindOffersQuery, 'page' | 'pageSize'>> & {
  id?: string;
  /** Only offers of providers still active (the published catalogue). */
  providerActive?: boolean;
};

function conditions(m: string, where: TWhere): Sql {
  const parts = [sql`o.municipality_id = ${m}`];
  if (where.id) parts.push(sql`o.id = ${where.id}`);
  if (where.kind) parts.push(sql`o.kind = ${where.kind}`);
  if (where.status) parts.push(sql`o.status = ${where.status}`);
  if (where.providerId) parts.push(sql`o.provider_id = ${where.providerId}`);
  if (where.providerActive) parts.push(sql`p.active`);
  if (where.districtId) parts.push(sql`o.district_id = ${where.districtId}`);
  if (where.age !== undefined) parts.push(sql`${where.age}::int BETWEEN o.age_from AND o.age_to`);
  if (where.factorCode) parts.push(sql`${where.factorCode}::text = ANY(o.factor_codes)`);
  if (where.q) {
    const like = `%${where.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(sql`(o.name ILIKE ${like} OR o.description ILIKE ${like} OR p.name ILIKE ${like})`);
  }
  return sql.join(parts, ' AND ');
}

const FROM = sql`offers o
  JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
  JOIN offer_kinds k ON k.municipality_id = o.municipality_id AND k.code = o.kind
  LEFT JOIN districts d ON d.municipality_id = o.municipality_id AND d.id = o.district_id
  LEFT JOIN users ow ON ow.municipality_id = o.municipality_id AND ow.id = o.owner_id`;

/**
 * Offers as the catalogue shows them, active first, then by name; with the factors' labels from the published
 * catalogue and whether the user may edit each. `limit` and `offset` page the list; `total` counts all matches.
 */
export async function selectOffers(
  q: Queryable,
  ctx: Pick<TCtx, 'user'> & { locale: TLocale },
  where: TWhere,
  page: { limit: number; offset: number } = { limit: 1, offset: 0 },
): Promise<{ items: TOffer[]; total: number }> {
  const m = ctx.user.municipalityId;
  const { rows } = await q.query(
    sql`SELECT o.*, p.name AS provider_name, p.kind AS provider_kind,
               CASE WHEN ${ctx.locale} = 'en' THEN k.label_en ELSE k.label_da END AS kind_label,
               d.name AS district_name, ow.name AS owner_name, count(*) OVER () AS total
          FROM ${FROM}
         WHERE ${conditions(m, where)}
         ORDER BY o.status = 'active' DESC, o.name, o.id
         LIMIT ${page.limit} OFFSET ${page.offset}`,
  );
  const factors = rows.length > 0 ? await protectiveFactors(q, m, ctx.locale) : new Map();
  const member = rows.length > 0 ? await memberProvider(q, ctx) : null;
  const items = rows.map(
    (r): TOffer => ({
      id: r.id,
      provider: { id: r.provider_id, name: r.provider_name, kind: r.provider_kind },
      kind: r.kind,
      kindLabel: r.kind_label,
      name: r.name,
      description: r.description,
      ageFrom: r.age_from,
      ageTo: r.age_to,
      eligibility: r.eligibility,
      costDkk: r.cost_dkk,
      costNote: r.cost_note,
      leisurePass: r.leisure_pass,
      district: r.district_id ? { id: r.district_id, name: r.district_name } : null,
      placeName: r.place_name,
      address: r.address,
      postalCode: r.postal_code,
      city: r.city,
      schedule: r.schedule,
      scheduleNote: r.schedule_note,
      languages: r.languages,
      contactName: r.contact_name,
      contactPhone: r.contact_phone,
      contactEmail: r.contact_email,
      access: r.access,
      status: r.status,
      capacity:
        r.capacity_total === null
          ? null
          : {
              total: r.capacity_total,
              free: r.capacity_free,
              updatedAt: new Date(r.capacity_updated_at).toISOString(),
            },
      factors: (r.factor_codes as string[]).map((code) => factors.get(code) ?? { code, label: code }),
      owner: r.owner_id ? { id: r.owner_id, name: r.owner_name } : null,
      canEdit: offerEditBasis(ctx, { providerId: r.provider_id, ownerId: r.owner_id }, member) !== null,
      updatedAt: new Date(r.updated_at).toISOString(),
      version: r.version,
    }),
  );
  if (rows.length > 0 || page.offset === 0) return { items, total: rows[0]?.total ?? 0 };
  const counted = await q.query(sql`SELECT count(*) AS total FROM ${FROM} WHERE ${conditions(m, where)}`);
  return { items, total: counted.rows[0].total };
}

/** One offer as the catalogue shows it, or undefined. */
export async function selectOffer(
  q: Queryable,
  ctx: Pick<TCtx, 'user'> & { locale: TLocale },
  id: string,
): Promise<TOffer | undefined> {
  return (await selectOffers(q, ctx, { id })).items[0];
}

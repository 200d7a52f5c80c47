import { suggestOffers } from '../../../domain/offers/offer-suggestions.ts';
import type { TOfferSuggestion, TOfferSuggestions } from '../../../shared/schemas/offer-suggestion-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { staffRelation } from '../referrals/referrals.access.ts';

type TOfferRow = TOfferSuggestion['offer'] & { districtId: string | null; factorCodes: string[] };

/**
 * Bridge-building suggestions for a child (issue 15, item 5): the protective factors absent in the child's
 * latest joint assessment, and the active offers meant to strengthen them, each with why. For the adults who
 * may refer the child (the referral relation to the child); the read is audited.
 */
export const suggestOffersForChild = defineUseCase(
  ['read:referral:unit', 'read:referral:team'],
  async (ctx, childId: string): Promise<TOfferSuggestions> => {
    const m = ctx.user.municipalityId;
    const en = ctx.locale === 'en';
    const { staff, result } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await staffRelation(q, ctx, childId, 'read');
      return { staff, result: await suggestions(q, m, childId, en) };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: staff.permission,
        relation: staff.relation,
        action: 'read',
        entity: 'offerSuggestion',
        childId,
        detail: {
          assessmentId: result.assessment?.id ?? null,
          absentFactors: result.absentFactors.map((f) => f.code),
          suggested: result.items.length,
        },
      }),
    );
    return result;
  },
);

async function suggestions(
  q: Queryable,
  m: string,
  childId: string,
  en: boolean,
): Promise<TOfferSuggestions> {
  const { rows: childRows } = await q.query(
    sql`SELECT age_on(c.birth_date, current_date) AS age,
               ARRAY(SELECT DISTINCT u.district_id FROM enrolments e
                       JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                      WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND u.district_id IS NOT NULL
                        AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
               ) AS district_ids,
               ARRAY(SELECT r.offer_id FROM referrals r
                      WHERE r.municipality_id = c.municipality_id AND r.child_id = c.id
                        AND r.status NOT IN ('declined', 'ended')) AS referred
          FROM children c WHERE c.municipality_id = ${m} AND c.id = ${childId}`,
  );
  const child = childRows[0];
  const { rows: latest } = await q.query(
    sql`SELECT id, assessed_on::text FROM assessments
         WHERE municipality_id = ${m} AND child_id = ${childId} AND mode = 'joint'
         ORDER BY assessed_on DESC, created_at DESC LIMIT 1`,
  );
  const assessment = latest[0]
    ? { id: latest[0].id as string, assessedOn: latest[0].assessed_on as string }
    : null;
  if (!child || !assessment) return { assessment, absentFactors: [], items: [] };
  const { rows: absent } = await q.query(
    sql`SELECT f.code, ${en ? sql`f.label_en` : sql`f.label_da`} AS label
          FROM assessment_factors af
          JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
         WHERE af.municipality_id = ${m} AND af.assessment_id = ${assessment.id}
           AND af.state = 'absent' AND f.kind = 'protective'
         ORDER BY f.bit`,
  );
  const absentFactors = absent.map((f) => ({ code: f.code as string, label: f.label as string }));
  if (absentFactors.length === 0) return { assessment, absentFactors, items: [] };
  const offers = await candidateOffers(
    q,
    m,
    absentFactors.map((f) => f.code),
    child.age,
    en,
  );
  const items = suggestOffers(
    {
      age: child.age,
      districtIds: child.district_ids,
      absentFactors,
      referredOfferIds: new Set(child.referred),
    },
    offers,
  ).map(({ offer: { districtId: _d, factorCodes: _f, ...offer }, why }) => ({ offer, why }));
  return { assessment, absentFactors, items };
}

/** Active offers of active providers for one of the factors and the child's age; the rules order them. */
async function candidateOffers(
  q: Queryable,
  m: string,
  codes: string[],
  age: number,
  en: boolean,
): Promise<TOfferRow[]> {
  const { rows } = await q.query(
    sql`SELECT o.id, o.name, o.kind, ${en ? sql`k.label_en` : sql`k.label_da`} AS kind_label,
               p.id AS provider_id, p.name AS provider_name, d.id AS district_id, d.name AS district_name,
               o.age_from, o.age_to, o.cost_dkk, o.leisure_pass, o.capacity_free, o.access, o.factor_codes
          FROM offers o
          JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id AND p.active
          JOIN offer_kinds k ON k.municipality_id = o.municipality_id AND k.code = o.kind
          LEFT JOIN districts d ON d.municipality_id = o.municipality_id AND d.id = o.district_id
         WHERE o.municipality_id = ${m} AND o.status = 'active' AND o.factor_codes && ${codes}::text[]
           AND o.age_from <= ${age}::int AND o.age_to >= ${age}::int`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    kindLabel: r.kind_label,
    provider: { id: r.provider_id, name: r.provider_name },
    district: r.district_id ? { id: r.district_id, name: r.district_name } : null,
    districtId: r.district_id,
    ageFrom: r.age_from,
    ageTo: r.age_to,
    costDkk: r.cost_dkk,
    leisurePass: r.leisure_pass,
    capacityFree: r.capacity_free,
    access: r.access,
    factorCodes: r.factor_codes,
  }));
}

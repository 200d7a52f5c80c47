import { suggestOffers } from '../../../domain/offers/offer-suggestions.ts';
import type { TOfferSuggestion, TOfferSuggestions } from '../../../shared/schemas/offer-suggestion-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { type Sql, sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childRelation, childRelationFromRow, readableUnits } from '../children/children.access.ts';
import { staffRelation, type TStaffRelation } from '../referrals/referrals.access.ts';

type TOfferRow = TOfferSuggestion['offer'] & { districtId: string | null; factorCodes: string[] };

/**
 * Bridge-building suggestions for a child (issue 15, item 5): the protective factors absent in the child's
 * latest joint assessment, and the active offers meant to strengthen them, each with why. For the adults who
 * may refer the child (the referral relation to the child); the read is audited. A referrer of the child's units
 * gets the relation and the whole answer in one statement (decision 011); a case relation is looked up first.
 */
export const suggestOffersForChild = defineUseCase(
  ['read:referral:unit', 'read:referral:team'],
  async (ctx, childId: string): Promise<TOfferSuggestions> => {
    const m = ctx.user.municipalityId;
    const en = ctx.locale === 'en';
    const unit = 'read:referral:unit';
    let staff: TStaffRelation | null = null;
    let row: TSuggestionRow | undefined;
    if (ctx.user.permissions.has(unit)) {
      const relation = childRelation(readableUnits(ctx, unit), ctx.user.userId);
      row = (await ctx.db.tenantQuery<TSuggestionRow>(m, statement(m, childId, en, relation).query()))
        .rows[0];
      if (row)
        staff = {
          relation: childRelationFromRow(row),
          unitId: row.rel_unit_id,
          teamId: null,
          permission: unit,
        };
    }
    if (!staff || !row) {
      [staff, row] = await ctx.db.tenantRead(m, async (q) => {
        const found = await staffRelation(q, ctx, childId, 'read');
        return [found, (await q.query<TSuggestionRow>(statement(m, childId, en, null))).rows[0]] as const;
      });
    }
    const result = suggestionsFrom(row);
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

interface TSuggestionRow {
  rel_unit_id: string;
  rel_unit_name: string;
  rel_kind?: string;
  age: number;
  district_ids: string[];
  referred: string[];
  assessment_id: string | null;
  assessed_on: string | null;
  absent: { code: string; label: string }[];
  offers: Record<string, unknown>[];
}

/**
 * The child (its age, the districts of its units now, the offers it has a live referral to), its latest joint
 * assessment, the protective factors absent there, and the active offers of active providers for one of them at
 * its age — with the relation when `relation` is given (no row without one).
 */
function statement(m: string, childId: string, en: boolean, relation: Sql | null): Sql {
  return sql`
    WITH a AS (
      SELECT id, assessed_on FROM assessments
       WHERE municipality_id = ${m} AND child_id = ${childId} AND mode = 'joint'
       ORDER BY assessed_on DESC, created_at DESC LIMIT 1),
    absent AS (
      SELECT f.code, ${en ? sql`f.label_en` : sql`f.label_da`} AS label, f.bit
        FROM assessment_factors af JOIN a ON af.assessment_id = a.id
        JOIN factors f ON f.municipality_id = af.municipality_id AND f.id = af.factor_id
       WHERE af.municipality_id = ${m} AND af.state = 'absent' AND f.kind = 'protective')
    SELECT ${relation ? sql`rel.*,` : sql.empty} age_on(c.birth_date, current_date) AS age,
           ARRAY(SELECT DISTINCT u.district_id FROM enrolments e
                   JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                  WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND u.district_id IS NOT NULL
                    AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)
           ) AS district_ids,
           ARRAY(SELECT r.offer_id FROM referrals r
                  WHERE r.municipality_id = c.municipality_id AND r.child_id = c.id
                    AND r.status NOT IN ('declined', 'ended')) AS referred,
           (SELECT id FROM a) AS assessment_id, (SELECT assessed_on::text FROM a) AS assessed_on,
           coalesce((SELECT json_agg(json_build_object('code', code, 'label', label) ORDER BY bit) FROM absent), '[]')
             AS absent,
           coalesce((
             SELECT json_agg(json_build_object(
                      'id', o.id, 'name', o.name, 'kind', o.kind, 'kindLabel', ${en ? sql`k.label_en` : sql`k.label_da`},
                      'providerId', p.id, 'providerName', p.name, 'districtId', d.id, 'districtName', d.name,
                      'ageFrom', o.age_from, 'ageTo', o.age_to, 'costDkk', o.cost_dkk, 'leisurePass', o.leisure_pass,
                      'capacityFree', o.capacity_free, 'access', o.access, 'factorCodes', o.factor_codes))
               FROM offers o
               JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id AND p.active
               JOIN offer_kinds k ON k.municipality_id = o.municipality_id AND k.code = o.kind
               LEFT JOIN districts d ON d.municipality_id = o.municipality_id AND d.id = o.district_id
              WHERE o.municipality_id = c.municipality_id AND o.status = 'active'
                AND o.factor_codes && ARRAY(SELECT code FROM absent)
                AND o.age_from <= age_on(c.birth_date, current_date) AND o.age_to >= age_on(c.birth_date, current_date)
           ), '[]') AS offers
      FROM children c
      ${relation ? sql`JOIN LATERAL (${relation}) rel ON true` : sql.empty}
     WHERE c.municipality_id = ${m} AND c.id = ${childId}`;
}

function suggestionsFrom(row: TSuggestionRow | undefined): TOfferSuggestions {
  const assessment =
    row?.assessment_id && row.assessed_on ? { id: row.assessment_id, assessedOn: row.assessed_on } : null;
  if (!row || !assessment) return { assessment, absentFactors: [], items: [] };
  const absentFactors = row.absent;
  if (absentFactors.length === 0) return { assessment, absentFactors, items: [] };
  const offers: TOfferRow[] = row.offers.map((r) => ({
    id: r.id as string,
    name: r.name as string,
    kind: r.kind as string,
    kindLabel: r.kindLabel as string,
    provider: { id: r.providerId as string, name: r.providerName as string },
    district: r.districtId ? { id: r.districtId as string, name: r.districtName as string } : null,
    districtId: (r.districtId as string | null) ?? null,
    ageFrom: r.ageFrom as number,
    ageTo: r.ageTo as number,
    costDkk: r.costDkk as number,
    leisurePass: r.leisurePass as boolean,
    capacityFree: r.capacityFree as number | null,
    access: r.access as TOfferRow['access'],
    factorCodes: r.factorCodes as string[],
  }));
  const items = suggestOffers(
    {
      age: row.age,
      districtIds: row.district_ids,
      absentFactors,
      referredOfferIds: new Set(row.referred),
    },
    offers,
  ).map(({ offer: { districtId: _d, factorCodes: _f, ...offer }, why }) => ({ offer, why }));
  return { assessment, absentFactors, items };
}

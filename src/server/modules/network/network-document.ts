import type { TNetworkPerson } from '../../../shared/schemas/network-views.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';

/** The age from which the child's own agreement is asked: the municipality's setting, else 12. */
export const DEFAULT_CHILD_AGREEMENT_AGE = 12;

export async function childAgreementAge(
  q: Queryable,
  m: string,
): Promise<{ age: number; reviewMonths: number; version: number }> {
  const { rows } = await q.query(
    sql`SELECT child_agreement_age, conference_review_months, version FROM network_settings WHERE municipality_id = ${m}`,
  );
  return rows[0]
    ? {
        age: rows[0].child_agreement_age,
        reviewMonths: rows[0].conference_review_months,
        version: rows[0].version,
      }
    : { age: DEFAULT_CHILD_AGREEMENT_AGE, reviewMonths: 3, version: 0 };
}

/** Within how many months of approving a conference's plan its review must be held (default 3). */
export async function conferenceReviewMonths(q: Queryable, m: string): Promise<number> {
  return (await childAgreementAge(q, m)).reviewMonths;
}

/** The child's family as the register holds it: the child and its siblings, with their ages today. */
export interface TFamilyChild {
  id: string;
  firstName: string;
  age: number;
  familyId: string | null;
}

export async function familyOf(q: Queryable, m: string, childId: string): Promise<TFamilyChild[]> {
  const { rows } = await q.query(
    sql`SELECT s.id, s.first_name, age_on(s.birth_date, current_date) AS age, s.family_id
          FROM children c JOIN children s ON s.municipality_id = c.municipality_id
           AND (s.id = c.id OR s.family_id = c.family_id)
         WHERE c.municipality_id = ${m} AND c.id = ${childId}
         ORDER BY s.id = c.id DESC, s.birth_date, s.id`,
  );
  return rows.map((r) => ({ id: r.id, firstName: r.first_name, age: r.age ?? 0, familyId: r.family_id }));
}

/**
 * Network persons linked to `where.childId` (or the one `where.personId`), each with its links to the children
 * in `reachable` only — the child asked about first — and a count of the links the reader does not reach.
 */
export async function selectNetworkPersons(
  q: Queryable,
  m: string,
  where: { childId?: string; personId?: string },
  reachable: readonly string[],
): Promise<TNetworkPerson[]> {
  const first = where.childId ?? null;
  const { rows } = await q.query(
    sql`SELECT p.id, p.name, p.relation, p.relation_note, p.phone, p.email, p.role, p.can_offer,
               p.guardians_agreement, p.guardians_agreed_on::text AS guardians_agreed_on, p.created_at, p.updated_at,
               p.version, u.name AS created_by_name,
               (SELECT coalesce(json_agg(json_build_object('childId', l.child_id, 'firstName', c.first_name, 'tie', l.tie,
                         'step', l.step, 'childAgreement', l.child_agreement)
                         ORDER BY l.child_id = ${first}::uuid DESC NULLS LAST, c.birth_date, c.id), '[]')
                  FROM network_person_children l
                  JOIN children c ON c.municipality_id = l.municipality_id AND c.id = l.child_id
                 WHERE l.municipality_id = p.municipality_id AND l.network_person_id = p.id
                   AND l.child_id = ANY(${reachable}::uuid[])) AS links,
               (SELECT count(*)::int FROM network_person_children l
                 WHERE l.municipality_id = p.municipality_id AND l.network_person_id = p.id
                   AND NOT l.child_id = ANY(${reachable}::uuid[])) AS other_children
          FROM network_persons p
          JOIN users u ON u.municipality_id = p.municipality_id AND u.id = p.created_by
         WHERE p.municipality_id = ${m}
           ${where.personId ? sql`AND p.id = ${where.personId}` : sql.empty}
           ${
             where.childId
               ? sql`AND EXISTS (SELECT 1 FROM network_person_children l WHERE l.municipality_id = p.municipality_id
                                    AND l.network_person_id = p.id AND l.child_id = ${where.childId})`
               : sql.empty
           }
         ORDER BY p.role = 'strain', p.name, p.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    relation: r.relation,
    relationNote: r.relation_note ?? '',
    phone: r.phone,
    email: r.email,
    role: r.role,
    canOffer: r.can_offer ?? '',
    guardiansAgreement: r.guardians_agreement,
    guardiansAgreedOn: r.guardians_agreed_on,
    children: r.links,
    otherChildren: r.other_children,
    createdBy: r.created_by_name,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: r.updated_at ? new Date(r.updated_at).toISOString() : null,
    version: r.version,
  }));
}

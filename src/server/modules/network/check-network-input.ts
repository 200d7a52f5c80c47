import type {
  TCreateNetworkPersonRequest,
  TNetworkAgreement,
  TNetworkChildLink,
} from '../../../shared/schemas/network.ts';
import type { TStaffRelation } from '../../access/staff.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { networkRelations } from './network.access.ts';
import { childAgreementAge } from './network-document.ts';

/** A link as stored: the child's agreement is null below the municipality's age. */
export type TCheckedLink = Omit<TNetworkChildLink, 'childAgreement'> & {
  childAgreement: TNetworkAgreement | null;
};

export interface TCheckedInput {
  familyId: string | null;
  links: TCheckedLink[];
  /** The user's relation to each linked child: every write is audited under it. */
  relations: Map<string, TStaffRelation>;
}

/**
 * Checks what a network person is recorded with, before anything is written: every child linked is one the
 * user may record the network of (else 404, as for any child outside their relations); the children are of one
 * family (`family`: the person's, or — for a new person — the first child's), or the person's own child when it
 * has none; a child from the municipality's age has its own agreement recorded; the parents' agreement is not
 * dated in the future.
 */
export async function checkNetworkInput(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  input: Pick<TCreateNetworkPersonRequest, 'children' | 'guardiansAgreedOn'>,
  family: { familyId: string | null; linkedChildIds: readonly string[] } | null,
): Promise<TCheckedInput> {
  const m = ctx.user.municipalityId;
  const ids = input.children.map((c) => c.childId);
  const relations = await networkRelations(q, ctx, ids, 'write');
  if (ids.some((id) => !relations.has(id))) throw new AppError('NOT_FOUND');
  const { rows } = await q.query(
    sql`SELECT id, family_id, age_on(birth_date, current_date) AS age, current_date::text AS today
          FROM children WHERE municipality_id = ${m} AND id = ANY(${ids}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const familyId: string | null = family ? family.familyId : (byId.get(ids[0] as string)?.family_id ?? null);
  const linked = new Set(family ? family.linkedChildIds : [ids[0]]);
  const { age: from } = await childAgreementAge(q, m);
  const links = input.children.map((link, i): TCheckedLink => {
    const child = byId.get(link.childId);
    const inFamily = familyId !== null && child?.family_id === familyId;
    if (!inFamily && !linked.has(link.childId))
      throw fieldError(`children.${i}.childId`, 'field.networkNotInFamily');
    const age: number = child?.age ?? 0;
    if (age >= from && !link.childAgreement)
      throw fieldError(`children.${i}.childAgreement`, 'field.childAgreementRequired', { age, from });
    return { ...link, childAgreement: age >= from ? (link.childAgreement ?? null) : null };
  });
  const today: string = rows[0]?.today;
  if (input.guardiansAgreedOn && input.guardiansAgreedOn > today)
    throw fieldError('guardiansAgreedOn', 'field.agreedOnInFuture');
  return { familyId, links, relations };
}

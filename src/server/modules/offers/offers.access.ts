import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who maintains which offer (issue 15, item 1): an admin every offer, a municipal employee the offers they own,
 * a partner user the offers of the one provider they belong to. Reading the catalogue needs no relation: it is
 * published information, not a child's.
 */
export type TOfferEditBasis = 'admin' | 'owner' | 'provider';

/** The provider the user belongs to as a partner user, if any (provider_members). */
export async function memberProvider(q: Queryable, ctx: Pick<TCtx, 'user'>): Promise<string | null> {
  const { rows } = await q.query(
    sql`SELECT provider_id FROM provider_members
         WHERE municipality_id = ${ctx.user.municipalityId} AND user_id = ${ctx.user.userId}`,
  );
  return rows[0]?.provider_id ?? null;
}

/** What lets the user edit an offer of `providerId` owned by `ownerId`, or null when nothing does. */
export function offerEditBasis(
  ctx: Pick<TCtx, 'user'>,
  offer: { providerId: string; ownerId: string | null },
  member: string | null,
): TOfferEditBasis | null {
  const held = ctx.user.permissions;
  if (held.has('manage:offer:municipality')) return 'admin';
  if (held.has('write:offer:own') && offer.ownerId === ctx.user.userId) return 'owner';
  if (held.has('write:offer:provider') && member !== null && offer.providerId === member) return 'provider';
  return null;
}

export interface TEditableOffer {
  id: string;
  providerId: string;
  ownerId: string | null;
  version: number;
  basis: TOfferEditBasis;
}

/**
 * The offer locked for an edit, with the basis the user edits it on. An offer of another municipality is not
 * found (404); one the user may read but not maintain is refused (403), as the catalogue is no secret.
 */
export async function editableOffer(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  offerId: string,
): Promise<TEditableOffer> {
  const { rows } = await q.query(
    sql`SELECT id, provider_id, owner_id, version FROM offers
         WHERE municipality_id = ${ctx.user.municipalityId} AND id = ${offerId} FOR UPDATE`,
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  const offer = { id: row.id, providerId: row.provider_id, ownerId: row.owner_id, version: row.version };
  const basis = offerEditBasis(ctx, offer, await memberProvider(q, ctx));
  if (!basis) throw new AppError('FORBIDDEN');
  return { ...offer, basis };
}

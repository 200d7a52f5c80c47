import { offerProblem } from '../../../domain/offers/offer-rules.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TCreateOfferRequest } from '../../../shared/schemas/offers.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { protectiveFactors } from '../cases/case-document.ts';

/** The offer's fields as they will be stored (after a create, or an edit merged with the stored offer). */
export type TOfferFields = Omit<TCreateOfferRequest, 'providerId'>;

/**
 * Refuses, naming the field, an offer whose kind is unknown (or retired, when the kind is being set), whose
 * district or owner does not exist in the municipality, whose factors are not protective factors of the
 * published catalogue, or that breaks a rule joining fields (src/domain/offers/offer-rules.ts).
 * `changed` names the fields the request sets: only those are held against the lists, so an edit never fails
 * on a kind retired or a factor dropped from the catalogue after the offer was made.
 */
export async function checkOfferFields(
  q: Queryable,
  m: string,
  offer: TOfferFields,
  changed: ReadonlySet<string>,
  locale: TLocale,
): Promise<void> {
  const problem = offerProblem(offer);
  if (problem) throw fieldError(problem.field, problem.key);
  if (changed.has('kind')) {
    const { rows } = await q.query(
      sql`SELECT active FROM offer_kinds WHERE municipality_id = ${m} AND code = ${offer.kind}`,
    );
    if (!rows[0]) throw fieldError('kind', 'field.unknownOfferKind', { code: offer.kind });
    if (!rows[0].active) throw fieldError('kind', 'field.offerKindRetired', { code: offer.kind });
  }
  if (changed.has('districtId') && offer.districtId) {
    const { rowCount } = await q.query(
      sql`SELECT 1 FROM districts WHERE municipality_id = ${m} AND id = ${offer.districtId}`,
    );
    if (!rowCount) throw fieldError('districtId', 'field.unknownDistrict');
  }
  if (changed.has('ownerId') && offer.ownerId) {
    const { rowCount } = await q.query(
      sql`SELECT 1 FROM users u WHERE u.municipality_id = ${m} AND u.id = ${offer.ownerId} AND u.active
             AND EXISTS (SELECT 1 FROM role_assignments ra JOIN role_permissions rp ON rp.role = ra.role
                          WHERE ra.municipality_id = u.municipality_id AND ra.user_id = u.id
                            AND rp.permission = 'write:offer:own')`,
    );
    if (!rowCount) throw fieldError('ownerId', 'field.unknownOwner');
  }
  if (changed.has('factorCodes') && offer.factorCodes.length > 0) {
    const protective = await protectiveFactors(q, m, locale);
    const unknown = offer.factorCodes.find((code) => !protective.has(code));
    if (unknown) {
      const { rowCount } = await q.query(
        sql`SELECT 1 FROM factors WHERE municipality_id = ${m} AND code = ${unknown} LIMIT 1`,
      );
      throw fieldError('factorCodes', rowCount ? 'field.notProtective' : 'field.unknownFactor', {
        code: unknown,
      });
    }
  }
}

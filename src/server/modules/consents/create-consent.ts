import type { TConsent, TCreateConsentRequest } from '../../../shared/schemas/consents.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConsents, today } from './consent-document.ts';
import { requireChildRelation } from './consents.access.ts';

/** From this age the young person's own consent can be recorded beside (or instead of) the custodians'. */
export const YOUNG_PERSON_CONSENT_AGE = 15;

/**
 * Records a written consent. Refused, naming the field, when a giver is not a custodian of the child in the
 * register, the young person is too young, a recipient unit or provider does not exist, or the consent has already
 * expired; purpose and recipients are required by the schema.
 */
export const createConsent = defineUseCase(
  'write:consent:unit',
  async (ctx, childId: string, input: TCreateConsentRequest): Promise<TConsent> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { relation, purpose } = await requireChildRelation(q, ctx, childId);
      const day = await today(q);
      if (input.validTo < day) throw fieldError('validTo', 'field.consentExpired');
      if (input.guardianIds.length > 0) {
        const { rows } = await q.query(
          `SELECT count(DISTINCT guardian_id)::int AS n FROM child_guardians
          WHERE municipality_id = $1 AND child_id = $2 AND has_custody AND guardian_id = ANY($3::uuid[])`,
          [m, childId, input.guardianIds],
        );
        if (rows[0].n !== new Set(input.guardianIds).size)
          throw fieldError('guardianIds', 'field.notCustodian');
      }
      if (input.youngPerson) {
        const { rows } = await q.query(
          `SELECT date_part('year', age($3::date, birth_date))::int AS age FROM children WHERE municipality_id = $1 AND id = $2`,
          [m, childId, day],
        );
        if (rows[0].age < YOUNG_PERSON_CONSENT_AGE)
          throw fieldError('youngPerson', 'field.youngPersonTooYoung', { age: YOUNG_PERSON_CONSENT_AGE });
      }
      if (input.recipientUnitIds.length > 0) {
        const { rows } = await q.query(
          'SELECT count(*)::int AS n FROM units WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
          [m, input.recipientUnitIds],
        );
        if (rows[0].n !== new Set(input.recipientUnitIds).size)
          throw fieldError('recipientUnitIds', 'field.unknownUnit');
      }
      if (input.recipientProviderIds.length > 0) {
        const { rows } = await q.query(
          'SELECT count(*)::int AS n FROM offer_providers WHERE municipality_id = $1 AND id = ANY($2::uuid[])',
          [m, input.recipientProviderIds],
        );
        if (rows[0].n !== new Set(input.recipientProviderIds).size)
          throw fieldError('recipientProviderIds', 'field.unknownProvider');
      }
      const { rows } = await q.query(
        `INSERT INTO consents (municipality_id, child_id, guardian_ids, young_person, info_kinds, recipient_unit_ids,
                             recipient_professions, purpose, signed_on, valid_from, valid_to, created_by,
                             recipient_provider_ids)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [
          m,
          childId,
          [...new Set(input.guardianIds)],
          input.youngPerson,
          [...new Set(input.infoKinds)],
          [...new Set(input.recipientUnitIds)],
          [...new Set(input.recipientProfessions)],
          input.purpose,
          input.signedOn,
          input.validFrom,
          input.validTo,
          ctx.user.userId,
          [...new Set(input.recipientProviderIds)],
        ],
      );
      const id = rows[0].id as string;
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: relation.unitId,
          action: 'create',
          entity: 'consent',
          entityId: id,
          childId,
          purpose,
          detail: { validFrom: input.validFrom, validTo: input.validTo, infoKinds: input.infoKinds },
        }),
      );
      return (await selectConsents(q, m, { consentId: id }, day))[0] as TConsent;
    });
  },
);

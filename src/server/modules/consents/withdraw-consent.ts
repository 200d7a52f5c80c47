import type { TConsent, TWithdrawConsentRequest } from '../../../shared/schemas/consents.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { insertAlert } from '../alerts/insert-alert.ts';
import { selectConsents, today } from './consent-document.ts';
import { requireChildRelation } from './consents.access.ts';

/**
 * Tells the organiser of every meeting that relied on the consent and is not over that the access it gave
 * has ended (alert kind consentExpired; reason code says withdrawn or expired).
 */
export async function alertOrganisers(
  q: Queryable,
  municipalityId: string,
  consentId: string,
  code: 'consentWithdrawn' | 'consentExpired',
): Promise<number> {
  const { rows } = await q.query(
    `SELECT DISTINCT mt.id AS meeting_id, mt.organiser_id, mt.title, mt.meeting_on, i.child_id
       FROM meeting_items i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
      WHERE i.municipality_id = $1 AND i.consent_id = $2 AND mt.status <> 'cancelled'
        AND (i.followed_up_at IS NULL OR mt.meeting_on >= current_date)`,
    [municipalityId, consentId],
  );
  let raised = 0;
  for (const r of rows) {
    const id = await insertAlert(q, {
      municipalityId,
      userId: r.organiser_id,
      childId: r.child_id,
      kind: 'consentExpired',
      reason: { code, params: { meeting: r.title, meetingOn: r.meeting_on } },
      link: `/moeder/${r.meeting_id}`,
      dedupeKey: `${code}:${consentId}:${r.meeting_id}`,
    });
    if (id) raised += 1;
  }
  return raised;
}

/** Withdraws a consent (optimistic locking); access resting on it ends at once and organisers are told. */
export const withdrawConsent = defineUseCase(
  'write:consent:unit',
  async (ctx, consentId: string, input: TWithdrawConsentRequest): Promise<TConsent> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows: found } = await q.query(
        'SELECT child_id, version, withdrawn_at FROM consents WHERE municipality_id = $1 AND id = $2 FOR UPDATE',
        [m, consentId],
      );
      const row = found[0];
      if (!row) throw new AppError('NOT_FOUND');
      const { relation, purpose } = await requireChildRelation(q, ctx, row.child_id);
      if (row.version !== input.version) throw new AppError('STALE_VERSION');
      if (row.withdrawn_at) throw new AppError('CONFLICT');
      await q.query(
        `UPDATE consents SET withdrawn_at = now(), withdrawn_by = $3, withdrawal_note = $4, version = version + 1
        WHERE municipality_id = $1 AND id = $2`,
        [m, consentId, ctx.user.userId, input.note || null],
      );
      await alertOrganisers(q, m, consentId, 'consentWithdrawn');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          unitId: relation.unitId,
          action: 'update',
          entity: 'consent',
          entityId: consentId,
          childId: row.child_id,
          purpose,
          detail: { withdrawn: true },
        }),
      );
      return (await selectConsents(q, m, { consentId }, await today(q)))[0] as TConsent;
    });
  },
);

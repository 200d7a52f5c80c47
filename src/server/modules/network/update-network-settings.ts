import type { TNetworkSettingsRequest } from '../../../shared/schemas/network.ts';
import type { TNetworkSettings } from '../../../shared/schemas/network-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childAgreementAge } from './network-document.ts';

/** Sets the age of the child's own agreement and the months within which a review is set; stale is a 409. */
export const updateNetworkSettings = defineUseCase(
  'manage:network-settings:municipality',
  async (ctx, input: TNetworkSettingsRequest): Promise<TNetworkSettings> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const found = await q.query(
        sql`SELECT version FROM network_settings WHERE municipality_id = ${m} FOR UPDATE`,
      );
      const current: number = found.rows[0]?.version ?? 0;
      if (current !== input.version) throw new AppError('STALE_VERSION');
      const written =
        current === 0
          ? await q.query(
              sql`INSERT INTO network_settings (municipality_id, child_agreement_age, conference_review_months, updated_by)
                  VALUES (${m}, ${input.childAgreementAge}, ${input.conferenceReviewMonths}, ${ctx.user.userId})
                  ON CONFLICT DO NOTHING`,
            )
          : await q.query(
              sql`UPDATE network_settings SET child_agreement_age = ${input.childAgreementAge},
                         conference_review_months = ${input.conferenceReviewMonths}, updated_by = ${ctx.user.userId}, updated_at = now(), version = version + 1
                   WHERE municipality_id = ${m}`,
            );
      // Two first saves at once: the second inserts nothing and is as stale as any other.
      if (!written.rowCount) throw new AppError('STALE_VERSION');
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          action: 'update',
          entity: 'network-settings',
          purpose: 'administration',
          detail: {
            childAgreementAge: input.childAgreementAge,
            conferenceReviewMonths: input.conferenceReviewMonths,
          },
        }),
      );
      const { age, reviewMonths, version } = await childAgreementAge(q, m);
      return { childAgreementAge: age, conferenceReviewMonths: reviewMonths, version };
    });
  },
);

import { passStepAllowed, type TLeisurePassStatus } from '../../../domain/offers/leisure-pass.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TLeisurePass, TUpdateLeisurePassRequest } from '../../../shared/schemas/leisure-passes.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { staffRelation } from '../referrals/referrals.access.ts';
import { selectLeisurePasses } from './leisure-pass-document.ts';
import { loadLeisurePassSettings } from './leisure-pass-settings.ts';

const STATUS_LABELS: Record<TLocale, Record<TLeisurePassStatus, string>> = {
  da: { granted: 'bevilget', redeemed: 'brugt', cancelled: 'annulleret' },
  en: { granted: 'granted', redeemed: 'redeemed', cancelled: 'cancelled' },
};

/**
 * A granted pass is marked redeemed (the child uses it) or cancelled (its amount returns to the child's year) by
 * an adult who refers the child; a pass of a child they do not reach is 404, a stale version 409, a pass already
 * redeemed or cancelled 409 naming its status. Audited under their relation to the child.
 */
export const updateLeisurePass = defineUseCase(
  ['write:referral:unit', 'write:referral:team'],
  async (ctx, id: string, input: TUpdateLeisurePassRequest): Promise<TLeisurePass> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const { rows } = await q.query(
        sql`SELECT child_id, status, version FROM leisure_passes WHERE municipality_id = ${m} AND id = ${id} FOR UPDATE`,
      );
      const pass = rows[0];
      if (!pass) throw new AppError('NOT_FOUND');
      const staff = await staffRelation(q, ctx, pass.child_id, 'write');
      if (pass.version !== input.version) throw new AppError('STALE_VERSION');
      if (!passStepAllowed(pass.status, input.status))
        throw new AppError('LEISURE_PASS_SETTLED', {
          params: { status: STATUS_LABELS[ctx.locale][pass.status as TLeisurePassStatus] },
        });
      await q.query(
        sql`UPDATE leisure_passes SET status = ${input.status}, status_note = ${input.note || null}, status_at = now(),
                   status_by = ${ctx.user.userId}, version = version + 1
             WHERE municipality_id = ${m} AND id = ${id}`,
      );
      await ctx.audit.inTransaction(
        q,
        auditEvent(ctx, {
          permission: staff.permission,
          relation: staff.relation,
          action: 'update',
          entity: 'leisurePass',
          entityId: id,
          childId: pass.child_id,
          detail: { status: input.status },
        }),
      );
      const settings = await loadLeisurePassSettings(q, m);
      return (
        await selectLeisurePasses(q, m, { id }, await currentDate(q), settings.unusedWeeks)
      )[0] as TLeisurePass;
    });
  },
);

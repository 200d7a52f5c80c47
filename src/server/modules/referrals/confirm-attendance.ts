import type { TAttendanceRequest } from '../../../shared/schemas/referrals.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { applyStep, refuseStep } from './apply-step.ts';
import { partnerReferrals } from './referrals.access.ts';

/**
 * "Attended this month" for many children in one go: the provider confirms a month for started referrals. All or
 * nothing — a referral the partner does not reach answers 404, one not started or a month before its start 400
 * naming `referralIds.N`, a month not yet begun 400 on `period`; nothing is written then. A month already
 * confirmed is left as it was. Each confirmation moves the referral to attending, records who and when, and is
 * audited under the referral relation.
 */
export const confirmAttendance = defineUseCase(
  'answer:referral:provider',
  async (
    ctx,
    input: TAttendanceRequest,
  ): Promise<{ period: string; confirmed: number; alreadyConfirmed: number }> => {
    const m = ctx.user.municipalityId;
    return ctx.db.tenant(m, async (q) => {
      const day = await currentDate(q);
      const ids = [...new Set(input.referralIds)];
      const found = await partnerReferrals(q, ctx, day, { ids, forUpdate: true });
      if (found.length !== ids.length) throw new AppError('NOT_FOUND');
      const byId = new Map(found.map((f) => [f.row.id, f]));
      const step = { status: 'attending', period: input.period } as const;
      input.referralIds.forEach((id, i) => {
        const { row } = byId.get(id) as (typeof found)[number];
        const target = { id, status: row.status, startedAt: row.started_at };
        if (row.status !== 'started' && row.status !== 'attending')
          throw new AppError('VALIDATION_FAILED', {
            fields: { [`referralIds.${i}`]: { key: 'field.referralNotStarted' } },
          });
        refuseStep(target, step, 'provider', day, ctx.locale, `referralIds.${i}`);
      });
      const { rows: already } = await q.query(
        sql`SELECT referral_id FROM referral_attendance
             WHERE municipality_id = ${m} AND referral_id = ANY(${ids}::uuid[]) AND period = ${`${input.period}-01`}::date`,
      );
      const done = new Set(already.map((r) => r.referral_id as string));
      const fresh = found.filter((f) => !done.has(f.row.id));
      for (const { row, relation } of fresh) {
        await q.query(
          sql`INSERT INTO referral_attendance (municipality_id, referral_id, period, confirmed_by)
              VALUES (${m}, ${row.id}, ${`${input.period}-01`}::date, ${ctx.user.userId})`,
        );
        await applyStep(
          q,
          m,
          { id: row.id, status: row.status, startedAt: row.started_at },
          step,
          'provider',
          ctx.user.userId,
        );
        await ctx.audit.inTransaction(
          q,
          auditEvent(ctx, {
            relation,
            action: 'update',
            entity: 'referral',
            entityId: row.id,
            childId: row.child_id,
            detail: { status: 'attending', period: input.period },
          }),
        );
      }
      return { period: input.period, confirmed: fresh.length, alreadyConfirmed: done.size };
    });
  },
);

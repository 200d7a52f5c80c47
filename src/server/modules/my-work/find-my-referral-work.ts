import { danishDate, weekdaysBetween } from '../../../domain/deadlines/index.ts';
import { passUnused } from '../../../domain/offers/leisure-pass.ts';
import { unansweredLevel } from '../../../domain/offers/referral-status.ts';
import type { TReferralWorkItem } from '../../../shared/schemas/referral-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { loadDeadlineConfig } from '../deadline-settings/load-deadline-config.ts';
import { loadLeisurePassSettings } from '../leisure-passes/leisure-pass-settings.ts';
import { loadReferralSettings } from '../referrals/referral-settings.ts';
import { staffRelation, type TStaffRelation } from '../referrals/referrals.access.ts';

/** The user's relation to each child, for those they still reach; the others are left out of the list. */
async function reachable(
  q: Queryable,
  ctx: TActingCtx,
  childIds: string[],
): Promise<Map<string, TStaffRelation>> {
  const found = new Map<string, TStaffRelation>();
  for (const id of new Set(childIds)) {
    try {
      found.set(id, await staffRelation(q, ctx, id, 'read'));
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
    }
  }
  return found;
}

/**
 * Mit arbejde's referrals (issue 15, item 3): the user's own referrals the provider has not answered within the
 * municipality's weekdays, their declined referrals where the child has had no referral since (a new choice is
 * needed), and the leisure passes they granted that have gone unused for the municipality's weeks. Only children
 * the user still reaches are listed; naming them is a read of each, audited under the relation.
 */
export const findMyReferralWork = defineUseCase(
  ['read:referral:unit', 'read:referral:team'],
  async (ctx): Promise<{ items: TReferralWorkItem[] }> => {
    const m = ctx.user.municipalityId;
    const me = ctx.user.userId;
    const { items, relations } = await ctx.db.tenantRead(m, async (q) => {
      const day = await currentDate(q);
      const deadlines = await loadReferralSettings(q, m);
      const holidays = await loadDeadlineConfig(q, m);
      const pass = await loadLeisurePassSettings(q, m);
      const { rows } = await q.query(
        sql`SELECT r.id, r.child_id, r.status, r.referred_at, r.status_at, r.decline_reason, o.id AS offer_id,
                   o.name AS offer_name, c.first_name, c.last_name
              FROM referrals r
              JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
              JOIN children c ON c.municipality_id = r.municipality_id AND c.id = r.child_id
             WHERE r.municipality_id = ${m} AND r.referred_by = ${me}
               AND (r.status = 'sent'
                    OR (r.status = 'declined' AND NOT EXISTS (
                          SELECT 1 FROM referrals n WHERE n.municipality_id = r.municipality_id
                             AND n.child_id = r.child_id AND n.referred_at > r.status_at)))
             ORDER BY r.referred_at`,
      );
      const { rows: passes } = await q.query(
        sql`SELECT lp.id, lp.child_id, lp.status, lp.granted_on::text AS granted_on, lp.amount_dkk, o.id AS offer_id,
                   o.name AS offer_name, c.first_name, c.last_name
              FROM leisure_passes lp
              JOIN offers o ON o.municipality_id = lp.municipality_id AND o.id = lp.offer_id
              JOIN children c ON c.municipality_id = lp.municipality_id AND c.id = lp.child_id
             WHERE lp.municipality_id = ${m} AND lp.granted_by = ${me} AND lp.status = 'granted'
             ORDER BY lp.granted_on`,
      );
      const child = (r: { child_id: string; first_name: string; last_name: string }) => ({
        id: r.child_id,
        firstName: r.first_name,
        lastName: r.last_name,
      });
      const found: TReferralWorkItem[] = [];
      for (const r of rows) {
        const base = { child: child(r), offer: { id: r.offer_id, name: r.offer_name }, id: r.id };
        if (r.status === 'sent') {
          const sentOn = danishDate(new Date(r.referred_at));
          const weekdays = weekdaysBetween(sentOn, day, holidays);
          if (unansweredLevel(weekdays, deadlines) === 'none') continue;
          found.push({
            ...base,
            kind: 'noAnswer',
            since: sentOn,
            weekdays,
            declineReason: null,
            amountDkk: null,
          });
        } else
          found.push({
            ...base,
            kind: 'declined',
            since: danishDate(new Date(r.status_at)),
            weekdays: null,
            declineReason: r.decline_reason,
            amountDkk: null,
          });
      }
      for (const p of passes)
        if (passUnused({ status: p.status, grantedOn: p.granted_on }, pass.unusedWeeks, day))
          found.push({
            kind: 'passUnused',
            child: child(p),
            offer: { id: p.offer_id, name: p.offer_name },
            id: p.id,
            since: p.granted_on,
            weekdays: null,
            declineReason: null,
            amountDkk: p.amount_dkk,
          });
      const relations = await reachable(
        q,
        ctx,
        found.map((i) => i.child.id),
      );
      return { items: found.filter((i) => relations.has(i.child.id)), relations };
    });
    for (const [childId, staff] of relations)
      if (items.some((i) => i.child.id === childId))
        await ctx.audit.record(
          auditEvent(ctx, {
            permission: staff.permission,
            relation: staff.relation,
            action: 'read',
            entity: 'referral',
            childId,
            detail: { myWork: items.filter((i) => i.child.id === childId).map((i) => i.kind) },
          }),
        );
    return { items };
  },
);

import { participationCurrent } from '../../../domain/offers/participation.ts';
import type { TParticipation } from '../../../shared/schemas/referral-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { today as currentDate } from '../consents/consent-document.ts';
import { staffRelation } from './referrals.access.ts';

/**
 * The child's current participation in organised leisure and leisure jobs (issue 15, item 7): running referrals
 * to offers of a leisure kind with attendance confirmed lately (src/domain/offers/participation.ts), one line per
 * protective factor of the published catalogue the offer strengthens. For the adults who follow the child's
 * referrals (its assessors among them); the read is audited under their relation.
 */
export const findChildParticipation = defineUseCase(
  ['read:referral:unit', 'read:referral:team'],
  async (ctx, childId: string): Promise<{ items: TParticipation[] }> => {
    const m = ctx.user.municipalityId;
    const en = ctx.locale === 'en';
    const { staff, items } = await ctx.db.tenantRead(m, async (q) => {
      const staff = await staffRelation(q, ctx, childId, 'read');
      const day = await currentDate(q);
      const { rows } = await q.query(
        sql`SELECT r.id, o.id AS offer_id, o.name AS offer_name, ${en ? sql`k.label_en` : sql`k.label_da`} AS kind_label,
                   p.name AS provider_name, f.code, ${en ? sql`f.label_en` : sql`f.label_da`} AS factor_label,
                   to_char(max(a.period), 'YYYY-MM') AS last_confirmed, count(a.period)::int AS months
              FROM referrals r
              JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
              JOIN offer_kinds k ON k.municipality_id = o.municipality_id AND k.code = o.kind AND k.leisure
              JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
              JOIN referral_attendance a ON a.municipality_id = r.municipality_id AND a.referral_id = r.id
              JOIN factors f ON f.municipality_id = r.municipality_id
                            AND f.catalogue_id = (SELECT fc.id FROM factor_catalogues fc
                                                   WHERE fc.municipality_id = r.municipality_id AND fc.status = 'published'
                                                   ORDER BY fc.published_at DESC LIMIT 1)
                            AND f.kind = 'protective' AND f.code = ANY(o.factor_codes)
             WHERE r.municipality_id = ${m} AND r.child_id = ${childId} AND r.status IN ('started', 'attending')
             GROUP BY r.id, o.id, o.name, kind_label, p.name, f.code, factor_label, f.bit
             ORDER BY f.bit, last_confirmed DESC`,
      );
      const items = rows
        .filter((r) => participationCurrent(r.last_confirmed, day))
        .map(
          (r): TParticipation => ({
            factor: { code: r.code, label: r.factor_label },
            referralId: r.id,
            offer: { id: r.offer_id, name: r.offer_name, kindLabel: r.kind_label },
            provider: r.provider_name,
            lastConfirmed: r.last_confirmed,
            months: r.months,
          }),
        );
      return { staff, items };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: staff.permission,
        relation: staff.relation,
        action: 'read',
        entity: 'participation',
        childId,
        detail: { participation: items.length },
      }),
    );
    return { items };
  },
);

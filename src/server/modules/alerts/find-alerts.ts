import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TAlert, TAlertReason } from '../../../shared/schemas/alert-views.ts';
import type { TPage } from '../../../shared/schemas/common.ts';
import type { TFindAlertsQuery } from '../../../shared/schemas/concerns.ts';
import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { readableUnits } from '../children/children.access.ts';
import { visibleAlert } from './alert-visibility.ts';

function reasonFactors(reason: TAlertReason): string[] {
  const factors = reason.params?.factors;
  return Array.isArray(factors) ? factors.filter((f): f is string => typeof f === 'string') : [];
}

/** Each factor code's label in the newest catalogue that has it. */
async function factorLabels(
  q: Queryable,
  m: string,
  rows: { reason: TAlertReason }[],
  locale: TLocale,
): Promise<Map<string, string>> {
  const codes = [...new Set(rows.flatMap((r) => reasonFactors(r.reason)))];
  if (codes.length === 0) return new Map();
  const { rows: found } = await q.query(
    `SELECT DISTINCT ON (f.code) f.code, f.label_da, f.label_en FROM factors f
       JOIN factor_catalogues fc ON fc.municipality_id = f.municipality_id AND fc.id = f.catalogue_id
      WHERE f.municipality_id = $1 AND f.code = ANY($2::text[])
      ORDER BY f.code, fc.version DESC`,
    [m, codes],
  );
  return new Map(found.map((r) => [r.code, locale === 'en' ? r.label_en : r.label_da]));
}

/**
 * The signed-in user's alerts, unread first, then newest. An alert about a child is shown only while the
 * user may still see that child; each child named in the answer gets an audited read.
 */
export const findAlerts = defineUseCase(
  'read:alert:own',
  async (ctx, query: TFindAlertsQuery): Promise<TPage<TAlert> & { unread: number }> => {
    const m = ctx.user.municipalityId;
    const where = sql`al.municipality_id = ${m} AND al.user_id = ${ctx.user.userId}
    AND ${visibleAlert(readableUnits(ctx), ctx.user.userId)} AND (${query.unreadOnly === 'true'}::boolean = false OR al.read_at IS NULL)`;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const { rows: counts } = await q.query(
        sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE al.read_at IS NULL)::int AS unread
         FROM alerts al WHERE ${where}`,
      );
      const { rows } = await q.query(
        sql`SELECT al.id, al.kind, al.rule_code AS "ruleCode", al.reason, al.child_id AS "childId",
              CASE WHEN c.id IS NULL THEN NULL ELSE c.first_name || ' ' || c.last_name END AS "childName",
              al.link, al.created_at AS "createdAt", al.read_at AS "readAt"
         FROM alerts al LEFT JOIN children c ON c.municipality_id = al.municipality_id AND c.id = al.child_id
        WHERE ${where}
        ORDER BY al.read_at IS NULL DESC, al.created_at DESC, al.id
        LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      );
      const labels = await factorLabels(q, m, rows, ctx.locale);
      return { counts: counts[0], rows, labels };
    });
    const items: TAlert[] = found.rows.map((r) => ({
      ...r,
      factorLabels: Object.fromEntries(
        reasonFactors(r.reason).flatMap((code) => {
          const label = found.labels.get(code);
          return label ? [[code, label]] : [];
        }),
      ),
      createdAt: new Date(r.createdAt).toISOString(),
      readAt: r.readAt ? new Date(r.readAt).toISOString() : null,
    }));
    const children = [...new Set(items.flatMap((a) => (a.childId ? [a.childId] : [])))];
    await Promise.all(
      children.map((childId) =>
        ctx.audit.record(
          auditEvent(ctx, {
            action: 'read',
            entity: 'child',
            entityId: childId,
            childId,
            purpose: 'alert',
            detail: { view: 'alerts', alertIds: items.filter((a) => a.childId === childId).map((a) => a.id) },
          }),
        ),
      ),
    );
    return {
      items,
      total: found.counts.total,
      unread: found.counts.unread,
      page: query.page,
      pageSize: query.pageSize,
    };
  },
);

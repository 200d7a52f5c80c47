import { isHidden, suppressLinked, suppressList } from '../../../domain/measurement/suppression.ts';
import type { TNoticeOverview, TNoticeOverviewRow } from '../../../shared/schemas/notices.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { unitsWith } from '../../http/permissions.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** A count an analyst may see, or null where the disclosure rule (suppression.ts) hides it. */
function suppressRow(row: TNoticeOverviewRow): TNoticeOverviewRow {
  const counts = [row.children, row.notified, row.pending, row.excepted].map((n) => n ?? 0);
  // The children of a row are the told, the waiting and the held back: one line, so no hidden cell can be
  // worked out from the others.
  const [children, notified, pending, excepted] = suppressLinked(counts, [[0, 1, 2, 3]]);
  const others = suppressList([row.families ?? 0, row.followUps ?? 0], { total: false }).cells;
  const show = (n: number | null, v: (typeof others)[number] | undefined) => (v && isHidden(v) ? null : n);
  return {
    ...row,
    children: show(row.children, children),
    notified: show(row.notified, notified),
    pending: show(row.pending, pending),
    excepted: show(row.excepted, excepted),
    families: show(row.families, others[0]),
    followUps: show(row.followUps, others[1]),
  };
}

/**
 * Per unit and round (and per unit, kind and half-year outside rounds): the children recorded about, how
 * many of them are told, still waiting, or held back by an exception, the families sent a letter and the
 * recipients waiting for manual follow-up — so a municipality can show Datatilsynet that it informs every
 * family. A unit leader sees the exact counts of the units they lead (operational follow-up, not a
 * statistic); an analyst sees every unit with small counts hidden by the disclosure rule.
 */
export const getNoticeOverview = defineUseCase(
  ['manage:notice:unit', 'read:notice:municipality'],
  async (ctx, roundId?: string): Promise<TNoticeOverview> => {
    const m = ctx.user.municipalityId;
    const wholeMunicipality = ctx.permission === 'read:notice:municipality';
    const units = wholeMunicipality
      ? sql`true`
      : sql`s.unit_id = ANY(${unitsWith(ctx, 'manage:notice:unit')}::uuid[])`;
    const rows = await ctx.db.tenantRead(m, async (q) => {
      const result = await q.query(
        sql`SELECT s.unit_id, u.name AS unit_name, s.kind, s.round_id, r.name AS round_name, s.period,
                   count(*)::int AS children,
                   count(*) FILTER (WHERE s.notified_at IS NOT NULL)::int AS notified,
                   count(*) FILTER (WHERE s.notified_at IS NULL AND NOT f.held)::int AS pending,
                   count(*) FILTER (WHERE s.notified_at IS NULL AND f.held)::int AS excepted,
                   count(DISTINCT coalesce(c.family_id, c.id)) FILTER (WHERE f.lettered)::int AS families,
                   (SELECT count(*)::int FROM notices n
                     WHERE n.municipality_id = s.municipality_id AND n.kind = s.kind AND n.scope = s.scope
                       AND n.status = 'followUp' AND s.unit_id = ANY(n.unit_ids)) AS follow_ups
              FROM notice_subjects s
              JOIN children c ON c.municipality_id = s.municipality_id AND c.id = s.child_id
              JOIN units u ON u.municipality_id = s.municipality_id AND u.id = s.unit_id
              LEFT JOIN assessment_rounds r ON r.municipality_id = s.municipality_id AND r.id = s.round_id
              CROSS JOIN LATERAL (
                SELECT EXISTS (SELECT 1 FROM notice_exceptions x WHERE x.municipality_id = s.municipality_id
                                 AND x.child_id = s.child_id AND x.ended_at IS NULL AND s.kind = ANY(x.kinds)) AS held,
                       EXISTS (SELECT 1 FROM notices n WHERE n.municipality_id = s.municipality_id AND n.kind = s.kind
                                 AND n.scope = s.scope AND n.child_ids @> ARRAY[s.child_id] AND n.status = 'letter') AS lettered
              ) f
             WHERE s.municipality_id = ${m} AND ${units}
               AND (${roundId ?? null}::uuid IS NULL OR s.round_id = ${roundId ?? null})
             GROUP BY s.municipality_id, s.unit_id, u.name, s.kind, s.scope, s.round_id, r.name, r.opens_on, s.period
             ORDER BY r.opens_on DESC NULLS LAST, s.period DESC, s.kind, u.name, s.unit_id`,
      );
      return result.rows;
    });
    const answer: TNoticeOverviewRow[] = rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.unit_name,
      kind: r.kind,
      roundId: r.round_id,
      roundName: r.round_name,
      period: r.period,
      children: r.children,
      notified: r.notified,
      pending: r.pending,
      excepted: r.excepted,
      families: r.families,
      followUps: r.follow_ups,
    }));
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'read',
        entity: 'notice-overview',
        purpose: wholeMunicipality ? 'statistics' : 'notice-follow-up',
        detail: { roundId: roundId ?? null, rows: answer.length },
      }),
    );
    return wholeMunicipality
      ? { rows: answer.map(suppressRow), suppressed: true }
      : { rows: answer, suppressed: false };
  },
);

import type { TPage } from '../../../shared/schemas/common.ts';
import type { TFindConcernsQuery } from '../../../shared/schemas/concerns.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childRelation } from '../children/children.access.ts';
import { CONCERN_SELECT, type TConcern, toConcern } from './concern-document.ts';
import { concernReadUnits } from './concerns.access.ts';

/**
 * Concerns recorded from the user's units, newest first: the leader's list of what needs acting on (filter
 * by level, e.g. 3 for a meeting or consultation). A named concern is listed only while the user may still
 * see the child; every child named in the answer gets an audited read.
 */
export const findConcerns = defineUseCase(
  'read:concern:unit',
  async (ctx, query: TFindConcernsQuery): Promise<TPage<TConcern>> => {
    const m = ctx.user.municipalityId;
    const units = concernReadUnits(ctx);
    const anonymous = query.anonymous === undefined ? null : query.anonymous === 'true';
    const level = query.level ?? null;
    const where = sql`k.municipality_id = ${m} AND k.unit_id = ANY(${units}::uuid[])
       AND (${level}::smallint IS NULL OR k.level = ${level}) AND (${anonymous}::boolean IS NULL OR (k.child_id IS NULL) = ${anonymous})
       AND (k.child_id IS NULL OR EXISTS (SELECT 1 FROM children c JOIN LATERAL (${childRelation(units, ctx.user.userId)}) rel ON true
             WHERE c.municipality_id = k.municipality_id AND c.id = k.child_id))`;
    const page = await ctx.db.tenantRead(m, async (q) => {
      const { rows: count } = await q.query(sql`SELECT count(*)::int AS n FROM concerns k WHERE ${where}`);
      const { rows } = await q.query(
        sql`${sql.raw(CONCERN_SELECT)} WHERE ${where} ORDER BY k.created_at DESC, k.id
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      );
      return { total: count[0].n as number, items: rows.map(toConcern) };
    });
    const byChild = new Map<string, TConcern[]>();
    for (const c of page.items) if (c.childId) byChild.set(c.childId, [...(byChild.get(c.childId) ?? []), c]);
    await Promise.all(
      [...byChild].map(([childId, concerns]) =>
        ctx.audit.record(
          auditEvent(ctx, {
            unitId: concerns[0]?.unitId,
            action: 'read',
            entity: 'child',
            entityId: childId,
            childId,
            purpose: `enrolment:${concerns[0]?.unitId}`,
            detail: { view: 'concernList', concernIds: concerns.map((c) => c.id) },
          }),
        ),
      ),
    );
    return { items: page.items, total: page.total, page: query.page, pageSize: query.pageSize };
  },
);

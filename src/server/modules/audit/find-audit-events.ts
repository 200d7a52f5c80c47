import type { TAuditFilter, TFindAuditEventsQuery } from '../../../shared/schemas/audit.ts';
import type { TAuditEvent } from '../../../shared/schemas/audit-views.ts';
import type { TPage } from '../../../shared/schemas/common.ts';
import type { Queryable } from '../../db/client.ts';
import { defineUseCase } from '../../http/use-case.ts';

/** An event as read, its time still a Date (the export writes it as a date cell). */
export type TAuditEventRow = Omit<TAuditEvent, 'at'> & { at: Date };

/** WHERE clause and parameters for the admin filters; `to` includes the whole day. */
function filterSql(municipalityId: string, f: TAuditFilter): { where: string; params: unknown[] } {
  const params: unknown[] = [municipalityId];
  const where = ['a.municipality_id = $1'];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll(':v', `$${params.length}`));
  };
  if (f.userId) add('a.user_id = :v', f.userId);
  if (f.childId)
    // A search list names its children in detail.childIds.
    add("(a.child_id = :v::text::uuid OR a.detail -> 'childIds' @> to_jsonb(:v::text))", f.childId);
  if (f.from) add('a.at >= :v::date', f.from);
  if (f.to) add("a.at < :v::date + interval '1 day'", f.to);
  return { where: where.join(' AND '), params };
}

export async function selectAuditEvents(
  q: Queryable,
  municipalityId: string,
  f: TAuditFilter,
  limit: number,
  offset: number,
): Promise<{ rows: TAuditEventRow[]; total: number }> {
  const { where, params } = filterSql(municipalityId, f);
  const { rows } = await q.query(
    `SELECT a.seq, a.at, a.user_id AS "userId", u.name AS "userName", a.role, a.action, a.entity,
            a.entity_id AS "entityId", a.child_id AS "childId", a.purpose, a.ip,
            a.detail ->> 'reason' AS reason, count(*) OVER () AS total
       FROM audit_events a LEFT JOIN users u ON u.municipality_id = a.municipality_id AND u.id = a.user_id
      WHERE ${where} ORDER BY a.seq DESC LIMIT ${limit} OFFSET ${offset}`,
    params,
  );
  return { rows: rows.map(({ total: _t, ...r }) => r as TAuditEventRow), total: rows[0]?.total ?? 0 };
}

/** The admin's audit view. It shows child ids, never child names: admins hold no child data. */
export const findAuditEvents = defineUseCase(
  'read:audit:municipality',
  async (ctx, query: TFindAuditEventsQuery): Promise<TPage<TAuditEvent>> => {
    const { rows, total } = await ctx.db.tenant(ctx.user.municipalityId, (q) =>
      selectAuditEvents(q, ctx.user.municipalityId, query, query.pageSize, (query.page - 1) * query.pageSize),
    );
    const items = rows.map((r) => ({ ...r, at: r.at.toISOString() }));
    return { items, total, page: query.page, pageSize: query.pageSize };
  },
);

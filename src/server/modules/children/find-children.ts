import { parseSearchTerm } from '../../../domain/search-term.ts';
import type { TFindChildrenQuery } from '../../../shared/schemas/children.ts';
import type { TChildListItem } from '../../../shared/schemas/children-views.ts';
import type { TPage } from '../../../shared/schemas/common.ts';
import type { TCtx } from '../../http/context.ts';
import { fieldError } from '../../http/errors.ts';
import { requirePermission, roleFor } from '../../http/permissions.ts';
import { readableUnits, relationSql } from './children.access.ts';
import { maskCpr } from './cpr.ts';

export type { TChildListItem };

/** Search among the children the user may see; the list itself is a read of each child shown, and audited. */
export async function findChildren(ctx: TCtx, query: TFindChildrenQuery): Promise<TPage<TChildListItem>> {
  requirePermission(ctx, 'read:child:unit');
  const term = parseSearchTerm(query.q);
  if (term.kind === 'invalidCpr') throw fieldError('q', 'field.invalidCpr');
  const units = readableUnits(ctx);
  const params: unknown[] = [ctx.user.municipalityId, units];
  const where: string[] = [];
  if (term.kind === 'cpr') {
    params.push(ctx.cipher.hash(term.cpr));
    where.push(`c.cpr_hash = $${params.length}`);
  } else if (term.kind === 'birthDate') {
    params.push(term.date);
    where.push(`c.birth_date = $${params.length}`);
  } else if (term.kind === 'name') {
    for (const word of term.words) {
      params.push(`${word}%`);
      where.push(`(c.first_name ILIKE $${params.length} OR c.last_name ILIKE $${params.length})`);
    }
  }
  if (query.unitId) {
    params.push(query.unitId);
    where.push(`EXISTS (SELECT 1 FROM enrolments fe WHERE fe.municipality_id = c.municipality_id AND fe.child_id = c.id
      AND fe.unit_id = $${params.length} AND fe.from_date <= current_date AND (fe.to_date IS NULL OR fe.to_date >= current_date))`);
  }
  params.push(query.pageSize, (query.page - 1) * query.pageSize);
  const items = await ctx.db.tenantRead(ctx.user.municipalityId, async (q) => {
    if (query.unitId) {
      const unit = await q.query('SELECT 1 FROM units WHERE municipality_id = $1 AND id = $2', [
        ctx.user.municipalityId,
        query.unitId,
      ]);
      if (unit.rowCount === 0) throw fieldError('unitId', 'field.unknownUnit');
    }
    const { rows } = await q.query(
      `SELECT c.id, c.first_name, c.last_name, c.birth_date, c.gender, c.cpr_encrypted, count(*) OVER () AS total,
              (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]')
                 FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id
                  AND e.from_date <= current_date AND (e.to_date IS NULL OR e.to_date >= current_date)) AS units
         FROM children c JOIN LATERAL (${relationSql('$2')}) rel ON true
        WHERE c.municipality_id = $1 ${where.map((w) => `AND ${w}`).join(' ')}
        ORDER BY lower(c.last_name), lower(c.first_name), c.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows;
  });
  if (items.length > 0) {
    await ctx.audit.record({
      municipalityId: ctx.user.municipalityId,
      userId: ctx.user.userId,
      role: roleFor(ctx, 'read:child:unit'),
      action: 'search',
      entity: 'child',
      entityId: null,
      childId: null,
      purpose: 'enrolment',
      ip: ctx.ip,
      // The search text may hold a CPR number: only its kind is kept.
      detail: { term: term.kind, childIds: items.map((r) => r.id) },
    });
  }
  return {
    items: items.map((r) => ({
      id: r.id,
      firstName: r.first_name,
      lastName: r.last_name,
      birthDate: r.birth_date,
      gender: r.gender,
      cprMasked: maskCpr(ctx.cipher.decrypt(r.cpr_encrypted)),
      units: r.units,
    })),
    total: items[0]?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}

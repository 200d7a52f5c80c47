import { parseSearchTerm } from '../../../domain/search-term.ts';
import type { TFindChildrenQuery } from '../../../shared/schemas/children.ts';
import type { TChildListItem } from '../../../shared/schemas/children-views.ts';
import type { TPage } from '../../../shared/schemas/common.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { currentEnrolment } from '../../access/enrolment.ts';
import { type Sql, sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { childRelation, readableUnits } from './children.access.ts';
import { maskCpr } from './cpr.ts';

export type { TChildListItem };

/** Search among the children the user may see; the list itself is a read of each child shown, and audited. */
export const findChildren = defineUseCase(
  'read:child:unit',
  async (ctx, query: TFindChildrenQuery): Promise<TPage<TChildListItem>> => {
    const term = parseSearchTerm(query.q);
    if (term.kind === 'invalidCpr') throw fieldError('q', 'field.invalidCpr');
    const units = readableUnits(ctx);
    const where: Sql[] = [];
    if (term.kind === 'cpr') where.push(sql`c.cpr_hash = ${ctx.cipher.hash(term.cpr)}`);
    else if (term.kind === 'birthDate') where.push(sql`c.birth_date = ${term.date}`);
    else if (term.kind === 'name') {
      for (const word of term.words) {
        const like = `${word}%`;
        where.push(sql`(c.first_name ILIKE ${like} OR c.last_name ILIKE ${like})`);
      }
    }
    if (query.unitId) {
      where.push(sql`EXISTS (SELECT 1 FROM enrolments fe WHERE fe.municipality_id = c.municipality_id AND fe.child_id = c.id
        AND fe.unit_id = ${query.unitId} AND ${currentEnrolment('fe')})`);
    }
    const items = await ctx.db.tenantRead(ctx.user.municipalityId, async (q) => {
      if (query.unitId) {
        const unit = await q.query('SELECT 1 FROM units WHERE municipality_id = $1 AND id = $2', [
          ctx.user.municipalityId,
          query.unitId,
        ]);
        if (unit.rowCount === 0) throw fieldError('unitId', 'field.unknownUnit');
      }
      const { rows } = await q.query(
        sql`SELECT c.id, c.first_name, c.last_name, c.birth_date, c.gender, c.cpr_encrypted, count(*) OVER () AS total,
                (SELECT coalesce(json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name), '[]')
                   FROM enrolments e JOIN units u ON u.municipality_id = e.municipality_id AND u.id = e.unit_id
                  WHERE e.municipality_id = c.municipality_id AND e.child_id = c.id AND ${currentEnrolment('e')}) AS units
           FROM children c JOIN LATERAL (${childRelation(units)}) rel ON true
          WHERE c.municipality_id = ${ctx.user.municipalityId} ${sql.join(
            where.map((w) => sql`AND ${w}`),
            ' ',
          )}
          ORDER BY lower(c.last_name), lower(c.first_name), c.id
          LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
      );
      return rows;
    });
    if (items.length > 0) {
      await ctx.audit.record(
        auditEvent(ctx, {
          action: 'search',
          entity: 'child',
          // A list has no one relation: each child shown is one the user reaches by enrolment.
          purpose: 'enrolment',
          // The search text may hold a CPR number: only its kind is kept.
          detail: { term: term.kind, childIds: items.map((r) => r.id) },
        }),
      );
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
  },
);

import { parseSearchTerm } from '../../../domain/search-term.ts';
import type { TMatchCandidate } from '../../../shared/schemas/notification-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError, fieldError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { INTAKE } from './notifications.access.ts';

export type { TMatchCandidate };

/**
 * Children of the municipality an intake worker may match a notification to: by the search text (CPR
 * number, birth date or name), else by what the notifier gave (CPR number, or birth date). The list is a
 * read of every child shown, and audited.
 */
export const findMatchCandidates = defineUseCase(
  'assess:notification:municipality',
  async (ctx, notificationId: string, text: string | undefined): Promise<{ items: TMatchCandidate[] }> => {
    const m = ctx.user.municipalityId;
    const term = parseSearchTerm(text);
    if (term.kind === 'invalidCpr') throw fieldError('q', 'field.invalidCpr');
    const rows = await ctx.db.tenantRead(m, async (q) => {
      const { rows: found } = await q.query(
        'SELECT child_birth_date, child_cpr_hash FROM notifications WHERE municipality_id = $1 AND id = $2',
        [m, notificationId],
      );
      const n = found[0];
      if (!n) throw new AppError('NOT_FOUND');
      const params: unknown[] = [m];
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
      } else {
        const given: string[] = [];
        if (n.child_cpr_hash) {
          params.push(n.child_cpr_hash);
          given.push(`c.cpr_hash = $${params.length}`);
        }
        if (n.child_birth_date) {
          params.push(n.child_birth_date);
          given.push(`c.birth_date = $${params.length}`);
        }
        if (given.length === 0) return [];
        where.push(`(${given.join(' OR ')})`);
      }
      const { rows: children } = await q.query(
        `SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.birth_date AS "birthDate",
              to_char(c.birth_date, 'DDMMYY') || '-xxxx' AS "cprMasked",
              (SELECT h.address || ', ' || h.postal_code || ' ' || h.city FROM child_households ch
                 JOIN households h ON h.municipality_id = ch.municipality_id AND h.id = ch.household_id
                WHERE ch.municipality_id = c.municipality_id AND ch.child_id = c.id
                ORDER BY ch.is_primary DESC LIMIT 1) AS address
         FROM children c WHERE c.municipality_id = $1 AND ${where.join(' AND ')}
        ORDER BY c.last_name, c.first_name, c.id LIMIT 20`,
        params,
      );
      return children as TMatchCandidate[];
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        action: 'search',
        entity: 'child',
        entityId: notificationId,
        childId: null,
        relation: INTAKE,
        detail: { view: 'matchCandidates', term: term.kind, childIds: rows.map((r) => r.id) },
      }),
    );
    return { items: rows };
  },
);

import type { TConsentsOfChild } from '../../../shared/schemas/consents.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConsents, today } from './consent-document.ts';
import { requireChildRelation } from './consents.access.ts';

/** The child's consents and the people with custody who can give one; the read is audited. */
export const getChildConsents = defineUseCase(
  'read:consent:unit',
  async (ctx, childId: string): Promise<TConsentsOfChild> => {
    const m = ctx.user.municipalityId;
    const { result, purpose, unitId } = await ctx.db.tenantRead(m, async (q) => {
      const { relation, purpose } = await requireChildRelation(q, ctx, childId);
      const day = await today(q);
      const { rows: kids } = await q.query(
        `SELECT first_name || ' ' || last_name AS name, date_part('year', age($3::date, birth_date))::int AS age
         FROM children WHERE municipality_id = $1 AND id = $2`,
        [m, childId, day],
      );
      const { rows: custodians } = await q.query(
        `SELECT g.id, g.first_name || ' ' || g.last_name AS name, cg.relation
         FROM child_guardians cg JOIN guardians g ON g.municipality_id = cg.municipality_id AND g.id = cg.guardian_id
        WHERE cg.municipality_id = $1 AND cg.child_id = $2 AND cg.has_custody ORDER BY g.last_name, g.first_name`,
        [m, childId],
      );
      return {
        purpose,
        unitId: relation.unitId,
        result: {
          child: { id: childId, name: kids[0].name, age: kids[0].age },
          custodians,
          consents: await selectConsents(q, m, { childId }, day),
        },
      };
    });
    await ctx.audit.record(
      auditEvent(ctx, {
        unitId: unitId,
        action: 'read',
        entity: 'consent',
        entityId: null,
        childId,
        purpose,
        detail: { consents: result.consents.length },
      }),
    );
    return result;
  },
);

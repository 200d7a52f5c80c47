import type { TChildNetwork } from '../../../shared/schemas/network-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { networkRelations } from './network.access.ts';
import { childAgreementAge, familyOf, selectNetworkPersons } from './network-document.ts';

/**
 * A child's network persons, each with its links to the children of the family the reader reaches (a sibling the
 * reader has no relation to is neither named nor read), and what the form needs: the siblings the reader may share
 * a person with and the age of the child's own agreement. The read is audited under the relation to the child.
 */
export const findChildNetwork = defineUseCase(
  ['read:network:unit', 'read:network:team'],
  async (ctx, childId: string): Promise<TChildNetwork> => {
    const m = ctx.user.municipalityId;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const family = await familyOf(q, m, childId);
      const ids = family.map((c) => c.id);
      const readable = await networkRelations(q, ctx, ids, 'read');
      const staff = readable.get(childId);
      if (!staff) return undefined;
      const writable = await networkRelations(q, ctx, ids, 'write');
      const persons = await selectNetworkPersons(q, m, { childId }, [...readable.keys()]);
      const [child] = family;
      return {
        staff,
        answer: {
          child: { id: childId, firstName: child?.firstName ?? '', age: child?.age ?? 0 },
          siblings: family
            .filter((s) => s.id !== childId && writable.has(s.id))
            .map((s) => ({ id: s.id, firstName: s.firstName, age: s.age })),
          childAgreementAge: (await childAgreementAge(q, m)).age,
          canWrite: writable.has(childId),
          persons,
        },
      };
    });
    if (!found) throw new AppError('NOT_FOUND');
    const named = [
      ...found.answer.persons.flatMap((p) => p.children.map((c) => c.childId)),
      ...found.answer.siblings.map((s) => s.id),
    ];
    const siblingIds = [...new Set(named)].filter((id) => id !== childId);
    await ctx.audit.record(
      auditEvent(ctx, {
        permission: found.staff.permission,
        relation: found.staff.relation,
        action: 'read',
        entity: 'network-person',
        childId,
        // Siblings' first names appear (beside a shared person, in the form), so they are named in the event too.
        detail: { personIds: found.answer.persons.map((p) => p.id), siblingIds },
      }),
    );
    return found.answer;
  },
);

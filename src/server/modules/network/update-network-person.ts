import type { TUpdateNetworkPersonRequest } from '../../../shared/schemas/network.ts';
import type { TNetworkPerson } from '../../../shared/schemas/network-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import type { TNoticeScope } from '../notices/mark-notices-due.ts';
import { noticesRecorded } from '../notices/notices-recorded.ts';
import { checkNetworkInput } from './check-network-input.ts';
import { networkRelations } from './network.access.ts';
import { selectNetworkPersons } from './network-document.ts';
import { networkNoticesDue, writeNetworkLinks } from './write-network-links.ts';

/**
 * Changes a network person (optimistic locking): its details, and its links to the children the user reaches —
 * a link to a child they do not reach is kept as it is, so no one changes a sibling's network they cannot see.
 * A person with no linked child the user reaches is 404. One audit event per child the change touches; the
 * guardians of a child newly linked are to be told.
 */
export const updateNetworkPerson = defineUseCase(
  ['write:network:unit', 'write:network:team'],
  async (ctx, personId: string, input: TUpdateNetworkPersonRequest): Promise<TNetworkPerson> => {
    const m = ctx.user.municipalityId;
    const scopes: TNoticeScope[] = [];
    const person = await ctx.db.tenant(m, async (q) => {
      const { rows: found } = await q.query(
        sql`SELECT family_id, version FROM network_persons WHERE municipality_id = ${m} AND id = ${personId} FOR UPDATE`,
      );
      const row = found[0];
      if (!row) throw new AppError('NOT_FOUND');
      const { rows: links } = await q.query(
        sql`SELECT child_id FROM network_person_children
             WHERE municipality_id = ${m} AND network_person_id = ${personId}`,
      );
      const linkedIds: string[] = links.map((l) => l.child_id);
      const reached = await networkRelations(q, ctx, linkedIds, 'write');
      if (reached.size === 0) throw new AppError('NOT_FOUND');
      if (row.version !== input.version) throw new AppError('STALE_VERSION');
      const checked = await checkNetworkInput(q, ctx, input, {
        familyId: row.family_id,
        linkedChildIds: linkedIds,
      });
      await q.query(
        sql`UPDATE network_persons
               SET name = ${input.name}, relation = ${input.relation}, relation_note = ${input.relationNote || null},
                   phone = ${input.phone}, email = ${input.email}, role = ${input.role},
                   can_offer = ${input.canOffer || null}, guardians_agreement = ${input.guardiansAgreement},
                   guardians_agreed_on = ${input.guardiansAgreedOn}, updated_by = ${ctx.user.userId},
                   updated_at = now(), version = version + 1
             WHERE municipality_id = ${m} AND id = ${personId}`,
      );
      const kept = checked.links.map((l) => l.childId);
      const unlinked = [...reached.keys()].filter((id) => !kept.includes(id));
      await q.query(
        sql`DELETE FROM network_person_children
             WHERE municipality_id = ${m} AND network_person_id = ${personId} AND child_id = ANY(${unlinked}::uuid[])`,
      );
      await writeNetworkLinks(q, ctx, personId, checked.links);
      const relations = new Map([...reached, ...checked.relations]);
      for (const [childId, staff] of relations)
        await ctx.audit.inTransaction(
          q,
          auditEvent(ctx, {
            permission: staff.permission,
            relation: staff.relation,
            action: 'update',
            entity: 'network-person',
            entityId: personId,
            childId,
            detail: { linked: kept.includes(childId), version: input.version + 1 },
          }),
        );
      const added = kept.filter((id) => !linkedIds.includes(id));
      const first = checked.relations.get(kept[0] as string);
      if (added.length > 0 && first) scopes.push(await networkNoticesDue(q, m, personId, added, first));
      const [updated] = await selectNetworkPersons(q, m, { personId, childId: kept[0] as string }, [
        ...relations.keys(),
      ]);
      return updated as TNetworkPerson;
    });
    await noticesRecorded(ctx, m, scopes);
    return person;
  },
);

import type { TCreateNetworkPersonRequest } from '../../../shared/schemas/network.ts';
import type { TNetworkPerson } from '../../../shared/schemas/network-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { defineUseCase } from '../../http/use-case.ts';
import type { TNoticeScope } from '../notices/mark-notices-due.ts';
import { noticesRecorded } from '../notices/notices-recorded.ts';
import { checkNetworkInput } from './check-network-input.ts';
import { selectNetworkPersons } from './network-document.ts';
import { networkNoticesDue, writeNetworkLinks } from './write-network-links.ts';

/**
 * Records a network person for a child and, shared, for siblings of its family (issue 16, item 1). Every child
 * linked must be one the user may record the network of; a refusal writes nothing. The person, the links, one
 * audit event per child (under the user's relation to that child) and the due information notices commit
 * together; the notices go out after.
 */
export const createNetworkPerson = defineUseCase(
  ['write:network:unit', 'write:network:team'],
  async (ctx, input: TCreateNetworkPersonRequest): Promise<TNetworkPerson> => {
    const m = ctx.user.municipalityId;
    const scopes: TNoticeScope[] = [];
    const person = await ctx.db.tenant(m, async (q) => {
      const checked = await checkNetworkInput(q, ctx, input, null);
      const { rows } = await q.query(
        sql`INSERT INTO network_persons (municipality_id, family_id, name, relation, relation_note, phone, email, role,
                                         can_offer, guardians_agreement, guardians_agreed_on, created_by)
            VALUES (${m}, ${checked.familyId}, ${input.name}, ${input.relation}, ${input.relationNote || null},
                    ${input.phone}, ${input.email}, ${input.role}, ${input.canOffer || null}, ${input.guardiansAgreement},
                    ${input.guardiansAgreedOn}, ${ctx.user.userId})
            RETURNING id`,
      );
      const id: string = rows[0].id;
      await writeNetworkLinks(q, ctx, id, checked.links);
      for (const link of checked.links) {
        const staff = checked.relations.get(link.childId);
        if (!staff) continue;
        await ctx.audit.inTransaction(
          q,
          auditEvent(ctx, {
            permission: staff.permission,
            relation: staff.relation,
            action: 'create',
            entity: 'network-person',
            entityId: id,
            childId: link.childId,
            detail: { relation: input.relation, role: input.role, tie: link.tie },
          }),
        );
      }
      const childIds = checked.links.map((l) => l.childId);
      const first = checked.relations.get(childIds[0] as string);
      if (first) scopes.push(await networkNoticesDue(q, m, id, childIds, first));
      const [created] = await selectNetworkPersons(
        q,
        m,
        { personId: id, childId: childIds[0] as string },
        childIds,
      );
      return created as TNetworkPerson;
    });
    await noticesRecorded(ctx, m, scopes);
    return person;
  },
);

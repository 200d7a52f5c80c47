import type { TFamilyMember, TFamilyView } from '../../../shared/schemas/family-views.ts';
import type { TNetworkPerson } from '../../../shared/schemas/network-views.ts';
import { auditEvent } from '../../access/audit-event.ts';
import { sql } from '../../db/sql.ts';
import { AppError } from '../../http/errors.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { selectConferenceList } from '../conferences/conference-document.ts';
import { networkRelations } from '../network/network.access.ts';
import { familyOf, selectNetworkPersons } from '../network/network-document.ts';
import { familyName, selectCaseworkers, selectMemberFacts } from './family-document.ts';

/**
 * One view of a child's family (issue 16, item 5; decision 030): each sibling the reader reaches, through the
 * reader's own relation to that sibling — its units, coordinator, the caseworkers of its open cases (only through a
 * case), its conferences (a unit: the preventive ones) — the family's network persons linked to those children, and
 * how many siblings the reader does not reach (counted, not named, not read). Audited once per child shown, under
 * the relation to that child; nothing is audited of a sibling not shown. 404 unless the reader reaches the child.
 */
export const findFamily = defineUseCase(
  ['read:network:unit', 'read:network:team'],
  async (ctx, childId: string): Promise<TFamilyView> => {
    const m = ctx.user.municipalityId;
    const found = await ctx.db.tenantRead(m, async (q) => {
      const family = await familyOf(q, m, childId);
      const relations = await networkRelations(
        q,
        ctx,
        family.map((c) => c.id),
        'read',
      );
      if (!relations.has(childId)) return undefined;
      const ids = family.map((c) => c.id).filter((id) => relations.has(id));
      const facts = await selectMemberFacts(q, m, ids);
      const viaCase = ids.filter((id) => relations.get(id)?.relation.kind === 'case');
      const caseworkers = await selectCaseworkers(q, m, viaCase);
      const members: TFamilyMember[] = [];
      const network = new Map<string, TNetworkPerson>();
      for (const id of ids) {
        const staff = relations.get(id);
        const fact = facts.get(id);
        if (!staff || !fact) continue;
        // The units see the preventive conferences; those in a case are the case's (conferences.access.ts).
        const viaTeam = staff.permission === 'read:network:team';
        const conferences =
          viaTeam && ctx.user.permissions.has('read:conference:team')
            ? await selectConferenceList(q, m, sql`k.child_id = ${id}`)
            : !viaTeam && ctx.user.permissions.has('read:conference:unit')
              ? await selectConferenceList(q, m, sql`k.child_id = ${id} AND k.case_id IS NULL`)
              : [];
        for (const person of await selectNetworkPersons(q, m, { childId: id }, ids))
          if (!network.has(person.id)) network.set(person.id, person);
        members.push({
          ...fact,
          relation: staff.relation.kind,
          caseworkers: caseworkers.get(id) ?? [],
          conferences,
        });
      }
      return {
        relations,
        answer: {
          childId,
          familyName: family[0]?.familyId ? await familyName(q, m, childId) : null,
          members,
          otherChildren: family.length - ids.length,
          network: [...network.values()],
        },
      };
    });
    if (!found) throw new AppError('NOT_FOUND');
    const { relations, answer } = found;
    await Promise.all(
      answer.members.map((member) => {
        const staff = relations.get(member.id);
        if (!staff) return Promise.resolve();
        return ctx.audit.record(
          auditEvent(ctx, {
            permission: staff.permission,
            relation: staff.relation,
            action: 'read',
            entity: 'family',
            childId: member.id,
            detail: {
              openedFrom: childId,
              conferenceIds: member.conferences.map((c) => c.id),
              personIds: answer.network
                .filter((p) => p.children.some((c) => c.childId === member.id))
                .map((p) => p.id),
              caseworkers: member.caseworkers.length,
            },
          }),
        );
      }),
    );
    return answer;
  },
);

import type { TCreateReferralRequest } from '../../../shared/schemas/referrals.ts';
import { caseRelation, caseScope } from '../../access/case.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { fieldError } from '../../http/errors.ts';
import type { TActingCtx } from '../../http/use-case.ts';

export interface TReferralOrigin {
  planId: string | null;
  position: number | null;
  actionId: string | null;
  text: string;
}

/**
 * Where a referral is made from, checked to belong to the same child (issue 15, item 3): a goal of the plan of a
 * case of the child that the referrer reaches, or an action of a meeting item about the child that the referrer
 * owns or takes part in. Anything else — another child's goal, a plan or meeting the referrer does not reach, an
 * unknown id — is the same 400 on the field, so the answer tells nothing about records out of reach.
 */
export async function referralOrigin(
  q: Queryable,
  ctx: TActingCtx,
  input: Pick<TCreateReferralRequest, 'childId' | 'originGoal' | 'originActionId'>,
): Promise<TReferralOrigin | null> {
  const m = ctx.user.municipalityId;
  if (input.originGoal) {
    const { planId, position } = input.originGoal;
    const reach = ctx.user.permissions.has('read:case:team');
    const { rows } = reach
      ? await q.query(
          sql`SELECT g.text FROM plan_goals g
                JOIN case_plans p ON p.municipality_id = g.municipality_id AND p.id = g.plan_id
                JOIN cases c ON c.municipality_id = p.municipality_id AND c.id = p.case_id AND c.child_id = ${input.childId}
                JOIN LATERAL (${caseRelation(caseScope(ctx, 'read:case:team'))}) rel ON true
               WHERE g.municipality_id = ${m} AND g.plan_id = ${planId} AND g.position = ${position}`,
        )
      : { rows: [] };
    if (!rows[0]) throw fieldError('originGoal', 'field.originGoalUnknown');
    return { planId, position, actionId: null, text: rows[0].text };
  }
  if (input.originActionId) {
    const { rows } = await q.query(
      sql`SELECT a.title FROM meeting_actions a
            JOIN meeting_items i ON i.municipality_id = a.municipality_id AND i.id = a.item_id
            JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
           WHERE a.municipality_id = ${m} AND a.id = ${input.originActionId} AND i.child_id = ${input.childId}
             AND (a.owner_id = ${ctx.user.userId} OR mt.organiser_id = ${ctx.user.userId}
                  OR EXISTS (SELECT 1 FROM meeting_participants mp WHERE mp.municipality_id = mt.municipality_id
                               AND mp.meeting_id = mt.id AND mp.user_id = ${ctx.user.userId}))`,
    );
    if (!rows[0]) throw fieldError('originActionId', 'field.originActionUnknown');
    return { planId: null, position: null, actionId: input.originActionId, text: rows[0].title };
  }
  return null;
}

import type { TStaffRelation } from '../../access/staff.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import { markNoticesDue, type TNoticeScope } from '../notices/mark-notices-due.ts';
import type { TCheckedLink } from './check-network-input.ts';

/** Writes the person's links to the children given (a link already there takes the new tie and agreement). */
export async function writeNetworkLinks(
  q: Queryable,
  ctx: TActingCtx,
  personId: string,
  links: readonly TCheckedLink[],
): Promise<void> {
  for (const l of links)
    await q.query(
      sql`INSERT INTO network_person_children (municipality_id, network_person_id, child_id, tie, step, child_agreement,
                                               linked_by)
          VALUES (${ctx.user.municipalityId}, ${personId}, ${l.childId}, ${l.tie}, ${l.step}, ${l.childAgreement},
                  ${ctx.user.userId})
          ON CONFLICT (municipality_id, network_person_id, child_id)
          DO UPDATE SET tie = EXCLUDED.tie, step = EXCLUDED.step, child_agreement = EXCLUDED.child_agreement`,
    );
}

/**
 * The guardians of the children newly linked are to be told a network person is recorded (issue 23), unless an
 * exception holds the notice; recorded in the write's own transaction, sent after it commits.
 */
export function networkNoticesDue(
  q: Queryable,
  m: string,
  personId: string,
  childIds: readonly string[],
  relation: TStaffRelation,
): Promise<TNoticeScope> {
  return markNoticesDue(q, m, {
    kind: 'networkPerson',
    childIds,
    unitId: relation.unitId,
    sourceId: personId,
  });
}

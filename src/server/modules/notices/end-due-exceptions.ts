import { exceptionEndsBecause } from '../../../domain/notices/exception-rules.ts';
import type { Db } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { AuditWriter, TAuditEvent } from '../audit/audit-writer.ts';

/**
 * Ends the municipality's exceptions whose time has come (decision 024): a postponement to a day ends on
 * that day; one "until the case decides" ends once the authority has decided about the child since it was
 * recorded — a decision on a notification about the child, a finished child assessment, or a closed case.
 * Answers how many ended; the notices they held back are then due again for the sender.
 */
export async function endDueExceptions(deps: { db: Db; audit: AuditWriter }, m: string): Promise<number> {
  return deps.db.tenant(m, async (q) => {
    const { rows } = await q.query(
      sql`SELECT x.id, x.child_id, x.until_date::text AS until_date, x.until_case_decides, current_date::text AS today,
                 (x.until_case_decides AND (
                   EXISTS (SELECT 1 FROM notifications n WHERE n.municipality_id = x.municipality_id
                             AND n.child_id = x.child_id AND n.decided_at >= x.recorded_at)
                   OR EXISTS (SELECT 1 FROM cases c WHERE c.municipality_id = x.municipality_id AND c.child_id = x.child_id
                                AND (c.assessment_completed_on >= x.recorded_at::date OR c.closed_on >= x.recorded_at::date))
                 )) AS decided
            FROM notice_exceptions x
           WHERE x.municipality_id = ${m} AND x.ended_at IS NULL
           ORDER BY x.id
             FOR UPDATE OF x SKIP LOCKED`,
    );
    const ending = rows.flatMap((r) => {
      const cause = exceptionEndsBecause(
        { untilDate: r.until_date, untilCaseDecides: r.until_case_decides },
        r.today,
        r.decided,
      );
      return cause ? [{ id: r.id as string, childId: r.child_id as string, cause }] : [];
    });
    if (ending.length === 0) return 0;
    await q.query(
      sql`UPDATE notice_exceptions x SET ended_at = now(), end_cause = e.cause
            FROM unnest(${ending.map((e) => e.id)}::uuid[], ${ending.map((e) => e.cause)}::text[]) AS e(id, cause)
           WHERE x.municipality_id = ${m} AND x.id = e.id`,
    );
    const events: TAuditEvent[] = ending.map((e) => ({
      municipalityId: m,
      userId: null,
      role: null,
      action: 'end',
      entity: 'notice-exception',
      entityId: e.id,
      childId: e.childId,
      purpose: 'information-notice:exception',
      ip: null,
      detail: { cause: e.cause },
    }));
    await deps.audit.inTransactionBatch(q, m, events);
    return ending.length;
  });
}

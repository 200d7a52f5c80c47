import { auditEvent } from '../../access/audit-event.ts';
import type { Queryable } from '../../db/client.ts';
import type { TActingCtx } from '../../http/use-case.ts';
import type { TAuditEvent } from '../audit/audit-writer.ts';
import { custodyRecipients } from '../letters/custody-recipients.ts';
import { queueLetters } from '../letters/queue-letter.ts';

/**
 * Parents are told who the child's coordinator is: a letter to each parent with custody, through the
 * outbox, in the transaction that names the coordinator. One letter per guardian and naming (the key
 * holds the coordinator row's version), so a retried request sends nothing twice. Returns the audit
 * events of the letters written, in the role the naming user holds in the child's unit.
 */
export async function queueCoordinatorLetters(
  q: Queryable,
  ctx: Pick<TActingCtx, 'user' | 'ip' | 'permission'>,
  naming: { childId: string; coordinatorId: string; unitId: string; version: number },
): Promise<TAuditEvent[]> {
  const m = ctx.user.municipalityId;
  const { rows } = await q.query(
    `SELECT c.first_name, u.name AS coordinator_name, u.email AS coordinator_email, un.name AS unit_name
       FROM children c, users u, units un
      WHERE c.municipality_id = $1 AND c.id = $2 AND u.municipality_id = $1 AND u.id = $3
        AND un.municipality_id = $1 AND un.id = $4`,
    [m, naming.childId, naming.coordinatorId, naming.unitId],
  );
  const facts = rows[0];
  const recipients = await custodyRecipients(q, m, [naming.childId]);
  if (!facts || recipients.length === 0) return [];
  const queued = await queueLetters(
    q,
    recipients.map((recipient) => ({
      municipalityId: m,
      kind: 'coordinatorNamed',
      recipient,
      template: 'coordinatorNamed' as const,
      data: {
        childFirstName: facts.first_name,
        coordinatorName: String(facts.coordinator_name).replace(/ \(demo\)$/, ''),
        coordinatorEmail: facts.coordinator_email ?? undefined,
        unitName: facts.unit_name,
      },
      idempotencyKey: `coordinator:${naming.childId}:${naming.version}:${recipient.guardianId}`,
      createdBy: ctx.user.userId,
    })),
  );
  return queued.flatMap((letter, i) =>
    letter.created
      ? [
          auditEvent(ctx, {
            unitId: naming.unitId,
            action: 'create',
            entity: 'letter',
            entityId: letter.id,
            childId: naming.childId,
            purpose: `coordinator:${naming.childId}`,
            detail: { kind: 'coordinatorNamed', guardianId: recipients[i]?.guardianId ?? null },
          }),
        ]
      : [],
  );
}

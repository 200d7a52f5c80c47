import type { Db } from '../../db/client.ts';
import type { AuditWriter, TAuditEvent } from '../audit/audit-writer.ts';
import { custodyRecipients } from '../letters/custody-recipients.ts';
import { queueLetters, type TQueueLetterInput } from '../letters/queue-letter.ts';

const CHUNK = 50;

export interface TChangeRun {
  moved: number;
  letters: number;
}

/**
 * Carries out a confirmed caseworker change, a chunk of cases per transaction so the progress bar moves:
 * each case goes to its new caseworker (only if the leaving caseworker still holds it), gets a timeline
 * entry and an audit event, and every parent with custody gets a personal letter through the outbox.
 *
 * Idempotent, also with two app instances: items are claimed with FOR UPDATE SKIP LOCKED and marked done
 * in the same transaction, and each letter's idempotency key names the change, the case and the guardian —
 * running the change again, or twice at once, moves nothing twice and queues no letter twice.
 */
export async function runCaseworkerChange(
  deps: { db: Db; audit: AuditWriter },
  municipalityId: string,
  changeId: string,
): Promise<TChangeRun> {
  const m = municipalityId;
  const total: TChangeRun = { moved: 0, letters: 0 };
  for (;;) {
    const done = await deps.db.tenant(m, async (q) => {
      const head = await q.query(
        `SELECT ch.leaving_user_id, ch.effective_on, ch.confirmed_by, ch.status, lu.name AS leaving_name
           FROM caseworker_changes ch JOIN users lu ON lu.municipality_id = ch.municipality_id AND lu.id = ch.leaving_user_id
          WHERE ch.municipality_id = $1 AND ch.id = $2`,
        [m, changeId],
      );
      const ch = head.rows[0];
      if (!ch || ch.status === 'proposed') return true;
      const { rows } = await q.query(
        `SELECT i.case_id, i.target_user_id, c.child_id, c.caseworker_id, c.status AS case_status,
                k.first_name AS child_first_name, t.name AS team_name, nu.name AS target_name, nu.email AS target_email
           FROM caseworker_change_items i
           JOIN cases c ON c.municipality_id = i.municipality_id AND c.id = i.case_id
           JOIN children k ON k.municipality_id = c.municipality_id AND k.id = c.child_id
           JOIN teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
           JOIN users nu ON nu.municipality_id = i.municipality_id AND nu.id = i.target_user_id
          WHERE i.municipality_id = $1 AND i.change_id = $2 AND i.done_at IS NULL
          ORDER BY i.case_id
          LIMIT $3
            FOR UPDATE OF i SKIP LOCKED`,
        [m, changeId, CHUNK],
      );
      if (rows.length === 0) {
        const left = await q.query(
          'SELECT 1 FROM caseworker_change_items WHERE municipality_id = $1 AND change_id = $2 AND done_at IS NULL LIMIT 1',
          [m, changeId],
        );
        // Another instance still holds some items: it will finish the change.
        if (left.rows.length === 0)
          await q.query(
            `UPDATE caseworker_changes SET status = 'done', finished_at = now()
              WHERE municipality_id = $1 AND id = $2 AND status = 'running'`,
            [m, changeId],
          );
        return true;
      }
      const caseIds = rows.map((r) => r.case_id as string);
      const guardians = await custodyRecipients(
        q,
        m,
        rows.map((r) => r.child_id),
      );
      // Only cases the leaving caseworker still holds move (one statement for the chunk).
      const wanted = rows.filter((r) => r.case_status === 'open' && r.caseworker_id === ch.leaving_user_id);
      const updated = await q.query(
        `UPDATE cases c SET caseworker_id = x.target, version = c.version + 1, updated_at = now()
           FROM unnest($3::uuid[], $4::uuid[]) AS x(case_id, target)
          WHERE c.municipality_id = $1 AND c.id = x.case_id AND c.caseworker_id = $2 AND c.status = 'open'
         RETURNING c.id`,
        [m, ch.leaving_user_id, wanted.map((r) => r.case_id), wanted.map((r) => r.target_user_id)],
      );
      const movedIds = new Set(updated.rows.map((r) => r.id as string));
      const moving = wanted.filter((r) => movedIds.has(r.case_id));
      await q.query(
        `INSERT INTO case_events (municipality_id, case_id, kind, actor_id, detail)
         SELECT $1, x.case_id, 'reassigned', $2, x.detail FROM unnest($3::uuid[], $4::jsonb[]) AS x(case_id, detail)`,
        [
          m,
          ch.confirmed_by,
          moving.map((r) => r.case_id),
          moving.map((r) =>
            JSON.stringify({
              changeId,
              from: ch.leaving_name,
              to: r.target_name,
              effectiveOn: ch.effective_on,
            }),
          ),
        ],
      );
      const events: TAuditEvent[] = moving.map((r) => ({
        municipalityId: m,
        userId: ch.confirmed_by,
        role: 'caseworkManager',
        action: 'reassign',
        entity: 'case',
        entityId: r.case_id,
        childId: r.child_id,
        purpose: `caseworker-change:${changeId}`,
        ip: null,
        detail: { from: ch.leaving_user_id, to: r.target_user_id },
      }));
      const letterInputs: TQueueLetterInput[] = moving.flatMap((r) =>
        guardians
          .filter((g) => g.childId === r.child_id)
          .map((g) => ({
            municipalityId: m,
            kind: 'caseworkerChange',
            recipient: g,
            template: 'caseworkerChange' as const,
            data: {
              childFirstName: r.child_first_name,
              previousCaseworkerName: ch.leaving_name.replace(/ \(demo\)$/, ''),
              newCaseworkerName: r.target_name.replace(/ \(demo\)$/, ''),
              newCaseworkerEmail: r.target_email,
              teamName: r.team_name,
              effectiveOn: ch.effective_on,
            },
            idempotencyKey: `caseworker-change:${changeId}:${r.case_id}:${g.guardianId}`,
            createdBy: ch.confirmed_by,
          })),
      );
      const queued = await queueLetters(q, letterInputs);
      let letters = 0;
      queued.forEach((letter, i) => {
        if (!letter.created) return;
        letters += 1;
        const input = letterInputs[i] as TQueueLetterInput;
        events.push({
          municipalityId: m,
          userId: ch.confirmed_by,
          role: 'caseworkManager',
          action: 'create',
          entity: 'letter',
          entityId: letter.id,
          childId: input.recipient.childId ?? null,
          purpose: `caseworker-change:${changeId}`,
          ip: null,
          detail: { kind: 'caseworkerChange', guardianId: input.recipient.guardianId ?? null },
        });
      });
      const moved = moving.length;
      await q.query(
        `UPDATE caseworker_change_items SET done_at = now()
          WHERE municipality_id = $1 AND change_id = $2 AND case_id = ANY($3::uuid[])`,
        [m, changeId, caseIds],
      );
      await q.query(
        `UPDATE caseworker_changes SET processed = processed + $3, letters_queued = letters_queued + $4
          WHERE municipality_id = $1 AND id = $2`,
        [m, changeId, rows.length, letters],
      );
      await deps.audit.inTransactionBatch(q, m, events);
      total.moved += moved;
      total.letters += letters;
      return false;
    });
    if (done) return total;
  }
}

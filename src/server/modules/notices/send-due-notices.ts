import { createHash } from 'node:crypto';
import { familiesOf, planNotices, type TPlanChild } from '../../../domain/notices/plan-notices.ts';
import type { TNoticeKind } from '../../../shared/schemas/notices.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { AuditWriter, TAuditEvent } from '../audit/audit-writer.ts';
import { custodyRecipients } from '../letters/custody-recipients.ts';
import { queueLetters, type TQueueLetterInput } from '../letters/queue-letter.ts';
import type { TInformationNoticeData } from '../letters/templates/information-notice.ts';
import type { TNoticeScope } from './mark-notices-due.ts';
import { currentNoticeTexts, municipalityName, noticeSettings, textsByAudience } from './notice-texts.ts';

/** Children per transaction: whole families, so a guardian's letter is never split between two. */
export const NOTICE_CHUNK = 50;

export interface TNoticeRun {
  /** Children told about (their recipients' letters queued, or listed for follow-up). */
  children: number;
  letters: number;
  followUps: number;
}

/** A child held back by an exception that covers the subject's kind and has not ended. */
const HELD = sql.raw(`EXISTS (SELECT 1 FROM notice_exceptions x
  WHERE x.municipality_id = s.municipality_id AND x.child_id = s.child_id AND x.ended_at IS NULL AND s.kind = ANY(x.kinds))`);

interface TSubject {
  child_id: string;
  unit_id: string | null;
  unit_name: string | null;
  round_id: string | null;
  period: string;
  basis: 'consent' | 'legalBasis' | null;
}

async function dueSubjects(q: Queryable, m: string, s: TNoticeScope): Promise<TSubject[]> {
  const { rows } = await q.query(
    sql`SELECT s.child_id, s.unit_id, u.name AS unit_name, s.round_id, s.period,
               (SELECT i.basis FROM meeting_items i
                 WHERE s.kind = 'meetingItem' AND i.municipality_id = s.municipality_id AND i.id = s.source_id) AS basis
          FROM notice_subjects s
          LEFT JOIN units u ON u.municipality_id = s.municipality_id AND u.id = s.unit_id
         WHERE s.municipality_id = ${m} AND s.kind = ${s.kind} AND s.scope = ${s.scope} AND s.notified_at IS NULL
           AND NOT ${HELD}
         ORDER BY s.child_id`,
  );
  return rows;
}

/** The children with their guardians with custody (the caseworker-change letters' recipients) and homes. */
async function planChildren(q: Queryable, m: string, childIds: readonly string[]): Promise<TPlanChild[]> {
  const children = await q.query(
    sql`SELECT c.id, c.first_name, c.last_name, c.birth_date::text AS birth_date, h.address, h.postal_code, h.city
            FROM children c
            LEFT JOIN LATERAL (SELECT ch.household_id FROM child_households ch
                                WHERE ch.municipality_id = c.municipality_id AND ch.child_id = c.id
                                ORDER BY ch.is_primary DESC, ch.household_id LIMIT 1) home ON true
            LEFT JOIN households h ON h.municipality_id = c.municipality_id AND h.id = home.household_id
           WHERE c.municipality_id = ${m} AND c.id = ANY(${childIds}::uuid[])`,
  );
  const guardians = await custodyRecipients(q, m, childIds);
  return children.rows.map((c) => ({
    id: c.id,
    firstName: c.first_name,
    lastName: c.last_name,
    birthDate: c.birth_date,
    address: c.address ? [c.address, `${c.postal_code} ${c.city}`] : null,
    guardians: guardians
      .filter((g) => g.childId === c.id)
      .map((g) => ({
        id: g.guardianId,
        name: g.name,
        hasCustody: true,
        address: g.addressLines.length > 0 ? g.addressLines : null,
      })),
  }));
}

async function roundFacts(q: Queryable, m: string, roundId: string | null) {
  if (!roundId) return null;
  const { rows } = await q.query(
    sql`SELECT name, opens_on::text AS opens_on, closes_on::text AS closes_on FROM assessment_rounds
         WHERE municipality_id = ${m} AND id = ${roundId}`,
  );
  return rows[0] ? { name: rows[0].name, opensOn: rows[0].opens_on, closesOn: rows[0].closes_on } : null;
}

const shortHash = (ids: readonly string[]) =>
  createHash('sha256')
    .update([...ids].sort().join(','))
    .digest('hex')
    .slice(0, 20);

/**
 * One transaction of one scope: the next whole families of the children due and not held back by an
 * exception. Each guardian with custody gets one letter naming all their children in the batch (and the
 * young person from the municipality's age one of their own); a recipient without an address is listed
 * for manual follow-up. The subjects are marked told in the same transaction.
 *
 * Two instances at once: a transaction-scoped advisory lock per municipality, kind and scope makes the
 * second wait, and under READ COMMITTED its next statement sees the first one's subjects as told — so no
 * child is named twice, and the letters' idempotency keys (recipient and children) stop a repeat as well.
 */
async function sendChunk(
  deps: { db: Db; audit: AuditWriter },
  m: string,
  s: TNoticeScope,
  total: TNoticeRun,
): Promise<boolean> {
  return deps.db.tenant(m, async (q) => {
    await q.query(
      sql`SELECT pg_advisory_xact_lock(hashtextextended(${`notices:${m}:${s.kind}:${s.scope}`}, 0))`,
    );
    const due = await dueSubjects(q, m, s);
    if (due.length === 0) return true;
    const all = await planChildren(
      q,
      m,
      due.map((d) => d.child_id),
    );
    const batch: TPlanChild[] = [];
    for (const family of familiesOf(all)) {
      if (batch.length > 0 && batch.length + family.length > NOTICE_CHUNK) break;
      batch.push(...family);
    }
    const subjectOf = new Map(due.map((d) => [d.child_id, d]));
    const settings = await noticeSettings(q, m);
    const texts = await currentNoticeTexts(q, m, s.kind);
    const name = await municipalityName(q, m);
    const today: string = (await q.query('SELECT current_date::text AS d')).rows[0].d;
    const round = await roundFacts(q, m, due[0]?.round_id ?? null);
    const text = textsByAudience(texts);
    const planned = planNotices(batch, { childNoticeAge: settings.childNoticeAge, on: today });
    const childById = new Map(batch.map((c) => [c.id, c]));
    const period = (due[0] as TSubject).period;
    const letterInputs: TQueueLetterInput[] = [];
    const letterIndex: (number | null)[] = [];
    for (const n of planned) {
      if (!n.addressLines) {
        letterIndex.push(null);
        continue;
      }
      const audienceTexts = text[n.audience];
      const data: TInformationNoticeData = {
        kind: s.kind as TNoticeKind,
        audience: n.audience,
        municipalityName: name,
        children: n.childIds.map((id) => ({
          firstName: childById.get(id)?.firstName ?? '',
          place: subjectOf.get(id)?.unit_name ?? null,
          basis: subjectOf.get(id)?.basis ?? null,
        })),
        round,
        texts: { da: audienceTexts.da.sections, en: audienceTexts.en.sections },
      };
      const recipientKey = n.audience === 'child' ? `c:${n.recipientChildId}` : `g:${n.guardianId}`;
      letterIndex.push(letterInputs.length);
      letterInputs.push({
        municipalityId: m,
        kind: 'informationNotice',
        recipient: {
          name: n.recipientName,
          addressLines: n.addressLines,
          childId: n.childIds[0] ?? null,
          guardianId: n.guardianId,
        },
        template: 'informationNotice',
        data,
        idempotencyKey: `notice:${s.kind}:${s.scope}:${recipientKey}:${shortHash(n.childIds)}`,
      });
    }
    const letters = await queueLetters(q, letterInputs);
    const rows = planned.map((n, i) => {
      const li = letterIndex[i];
      const letter = li === null || li === undefined ? null : letters[li];
      const audienceTexts = text[n.audience];
      return {
        audience: n.audience,
        guardian_id: n.guardianId,
        recipient_child_id: n.recipientChildId,
        recipient_name: n.recipientName,
        child_ids: JSON.stringify(n.childIds),
        unit_ids: JSON.stringify([
          ...new Set(
            n.childIds.map((id) => subjectOf.get(id)?.unit_id).filter((u): u is string => Boolean(u)),
          ),
        ]),
        status: letter ? 'letter' : 'followUp',
        follow_up_reason: letter ? null : n.followUpReason,
        letter_id: letter?.id ?? null,
        text_versions: JSON.stringify({ da: audienceTexts.da.version, en: audienceTexts.en.version }),
      };
    });
    const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
    const inserted = await q.query(
      sql`INSERT INTO notices (municipality_id, kind, scope, period, round_id, audience, guardian_id, recipient_child_id,
                               recipient_name, child_ids, unit_ids, status, follow_up_reason, letter_id, text_versions)
          SELECT ${m}, ${s.kind}, ${s.scope}, ${period}, ${due[0]?.round_id ?? null}, x.audience::notice_audience,
                 x.guardian_id, x.recipient_child_id, x.recipient_name,
                 ARRAY(SELECT jsonb_array_elements_text(x.child_ids)::uuid),
                 ARRAY(SELECT jsonb_array_elements_text(x.unit_ids)::uuid),
                 x.status, x.follow_up_reason, x.letter_id, x.text_versions
            FROM unnest(${col('audience')}::text[], ${col('guardian_id')}::uuid[], ${col('recipient_child_id')}::uuid[],
                        ${col('recipient_name')}::text[], ${col('child_ids')}::jsonb[], ${col('unit_ids')}::jsonb[],
                        ${col('status')}::text[], ${col('follow_up_reason')}::text[], ${col('letter_id')}::uuid[],
                        ${col('text_versions')}::jsonb[])
              AS x(audience, guardian_id, recipient_child_id, recipient_name, child_ids, unit_ids, status,
                   follow_up_reason, letter_id, text_versions)
          RETURNING id, child_ids, status, letter_id, guardian_id, audience`,
    );
    await q.query(
      sql`UPDATE notice_subjects SET notified_at = now()
           WHERE municipality_id = ${m} AND kind = ${s.kind} AND scope = ${s.scope}
             AND child_id = ANY(${batch.map((c) => c.id)}::uuid[])`,
    );
    // Jobs build their audit events from the job's own facts (decision 021): no user, no role.
    const events: TAuditEvent[] = inserted.rows.flatMap((r) =>
      (r.child_ids as string[]).map((childId) => ({
        municipalityId: m,
        userId: null,
        role: null,
        action: 'inform',
        entity: 'information-notice',
        entityId: r.id,
        childId,
        purpose: `information-notice:${s.kind}`,
        ip: null,
        detail: {
          scope: s.scope,
          audience: r.audience,
          guardianId: r.guardian_id,
          status: r.status,
          letterId: r.letter_id,
        },
      })),
    );
    await deps.audit.inTransactionBatch(q, m, events);
    total.children += batch.length;
    total.letters += letters.filter((l) => l.created).length;
    total.followUps += rows.filter((r) => r.status === 'followUp').length;
    return batch.length === due.length;
  });
}

/** The scopes of a municipality with children still to be told about. */
export async function dueScopes(db: Db, m: string): Promise<TNoticeScope[]> {
  return db.tenantRead(m, async (q) => {
    const { rows } = await q.query(
      sql`SELECT DISTINCT kind, scope FROM notice_subjects
           WHERE municipality_id = ${m} AND notified_at IS NULL ORDER BY kind, scope`,
    );
    return rows as TNoticeScope[];
  });
}

/**
 * Tells the guardians (and young people) of every child due in the scopes given — or in all the
 * municipality's scopes — chunk by chunk until none is left but those an exception holds back.
 */
export async function sendDueNotices(
  deps: { db: Db; audit: AuditWriter },
  m: string,
  scopes?: readonly TNoticeScope[],
): Promise<TNoticeRun> {
  const total: TNoticeRun = { children: 0, letters: 0, followUps: 0 };
  for (const s of scopes ?? (await dueScopes(deps.db, m))) {
    while (!(await sendChunk(deps, m, s, total))) {
      // Next chunk of whole families.
    }
  }
  return total;
}

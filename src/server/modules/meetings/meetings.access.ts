import {
  itemAccess,
  type TConsentFacts,
  type TInfoKind,
  type TReader,
  type TSharingDecision,
} from '../../../domain/sharing/sharing-rule.ts';
import type { TProfession } from '../../../shared/schemas/professions.ts';
import { basisRelation, meetingRelation } from '../../access/meeting.ts';
import { auditPurpose } from '../../access/relations.ts';
import type { Queryable } from '../../db/client.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';

/**
 * Who may touch a meeting, and who may see a named child through it (docs/architecture.md, rule 2). A meeting is
 * seen only by its participants (the organiser is one). Its named items follow the sharing rule
 * (src/domain/sharing): a valid consent naming the reader's unit or profession, or the legal basis for the
 * one meeting. A participant without that basis gets 403 for the child; anyone else gets 404.
 */
export interface TMeetingRow {
  id: string;
  title: string;
  meeting_on: string;
  organiser_id: string;
  unit_id: string | null;
  district_id: string | null;
  status: string;
  version: number;
}

export interface TMeetingRole {
  meeting: TMeetingRow;
  participant: { profession: TProfession } | null;
  isOrganiser: boolean;
  reader: TReader | null;
  today: string;
}

export function userUnitIds(ctx: Pick<TCtx, 'user'>): string[] {
  return [...new Set(ctx.user.roles.flatMap((r) => (r.unitId ? [r.unitId] : [])))];
}

/** The meeting and the user's part in it; 404 unless the user takes part (or organised it). */
export async function requireMeetingRole(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  meetingId: string,
  options: { lock?: boolean } = {},
): Promise<TMeetingRole> {
  const m = ctx.user.municipalityId;
  const { rows } = await q.query(
    `SELECT mt.id, mt.title, mt.meeting_on, mt.organiser_id, mt.unit_id, mt.district_id, mt.status, mt.version,
            p.profession, current_date::text AS today
       FROM meetings mt
       LEFT JOIN meeting_participants p ON p.municipality_id = mt.municipality_id AND p.meeting_id = mt.id AND p.user_id = $3
      WHERE mt.municipality_id = $1 AND mt.id = $2 ${options.lock ? 'FOR UPDATE OF mt' : ''}`,
    [m, meetingId, ctx.user.userId],
  );
  const row = rows[0];
  const isOrganiser = row?.organiser_id === ctx.user.userId;
  if (!row || (!row.profession && !isOrganiser)) throw new AppError('NOT_FOUND');
  const participant = row.profession ? { profession: row.profession as TProfession } : null;
  const profession = participant?.profession ?? 'leader';
  return {
    meeting: row,
    participant,
    isOrganiser,
    reader: { profession, unitIds: userUnitIds(ctx) },
    today: row.today,
  };
}

export interface TItemRow {
  id: string;
  meeting_id: string;
  kind: 'named' | 'anonymous';
  child_id: string | null;
  basis: 'consent' | 'legalBasis' | null;
  consent_id: string | null;
  follow_up_on: string | null;
  follow_up_reason: string | null;
  meeting_on: string;
}

/** The sharing decision for each named item, for one reader, today. */
export async function decideItems(
  q: Queryable,
  municipalityId: string,
  items: readonly TItemRow[],
  reader: TReader | null,
  today: string,
): Promise<Map<string, TSharingDecision>> {
  const consentIds = [...new Set(items.flatMap((i) => (i.consent_id ? [i.consent_id] : [])))];
  const consents = new Map<string, TConsentFacts>();
  if (consentIds.length > 0) {
    const { rows } = await q.query(
      `SELECT id, valid_from, valid_to, withdrawn_at IS NOT NULL AS withdrawn, info_kinds, recipient_unit_ids,
              recipient_professions
         FROM consents WHERE municipality_id = $1 AND id = ANY($2::uuid[])`,
      [municipalityId, consentIds],
    );
    for (const r of rows)
      consents.set(r.id, {
        id: r.id,
        validFrom: r.valid_from,
        validTo: r.valid_to,
        withdrawn: r.withdrawn,
        infoKinds: r.info_kinds as TInfoKind[],
        recipientUnitIds: r.recipient_unit_ids,
        recipientProfessions: r.recipient_professions,
      });
  }
  const result = new Map<string, TSharingDecision>();
  for (const i of items) {
    if (i.kind !== 'named' || !i.basis) continue;
    result.set(
      i.id,
      itemAccess(
        {
          basis: i.basis,
          consent: i.consent_id ? consents.get(i.consent_id) : undefined,
          meetingOn: i.meeting_on,
          followUpOn: i.follow_up_on,
          followUpReason: i.follow_up_reason,
        },
        reader,
        today,
      ),
    );
  }
  return result;
}

/**
 * The audit purpose for a read or write of a child through a meeting: the relation the sharing rule allowed
 * (access/meeting.ts), named by `auditPurpose`; a refused decision names only the meeting.
 */
export function sharingPurpose(meetingId: string, decision: TSharingDecision): string {
  const relation = meetingRelation(meetingId, decision);
  return relation ? auditPurpose(relation) : `meeting:${meetingId}`;
}

/** The audit purpose naming a recorded basis: the consent relied on, or the legal basis when there is none. */
export function basisPurpose(meetingId: string, consentId: string | null): string {
  return auditPurpose(basisRelation(meetingId, consentId));
}

export const ITEM_COLUMNS = `i.id, i.meeting_id, i.kind, i.child_id, i.basis, i.consent_id, i.follow_up_on::text AS follow_up_on,
  i.follow_up_reason, mt.meeting_on::text AS meeting_on`;

/**
 * An item with the user's role in its meeting and the sharing decision for it. 404 unless a participant;
 * for a named item the caller decides what a refused decision means (403 for the child).
 */
export async function requireItem(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  itemId: string,
  options: { lock?: boolean } = {},
): Promise<{
  role: TMeetingRole;
  item: TItemRow & Record<string, unknown>;
  decision: TSharingDecision | null;
}> {
  const m = ctx.user.municipalityId;
  const { rows } = await q.query(
    `SELECT i.*, ${ITEM_COLUMNS} FROM meeting_items i JOIN meetings mt ON mt.municipality_id = i.municipality_id AND mt.id = i.meeting_id
      WHERE i.municipality_id = $1 AND i.id = $2 ${options.lock ? 'FOR UPDATE OF i' : ''}`,
    [m, itemId],
  );
  const item = rows[0];
  if (!item) throw new AppError('NOT_FOUND');
  const role = await requireMeetingRole(q, ctx, item.meeting_id);
  const decision = (await decideItems(q, m, [item], role.reader, role.today)).get(item.id) ?? null;
  return { role, item, decision };
}

/** For writes to a named item: the participant must currently be allowed to see the child. */
export function requireSharing(decision: TSharingDecision | null): void {
  if (decision && !decision.allowed) throw new AppError('FORBIDDEN');
}

import { basisState } from '../../../domain/offers/referral-basis.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TPartnerReferral, TReferral, TReferralEvent } from '../../../shared/schemas/referral-views.ts';
import { basisFactsFromRow, referralBasis } from '../../access/referral.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TPartnerReferralAccess } from './referrals.access.ts';

const month = (d: string) => d.slice(0, 7);
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

interface TEventRow {
  referral_id: string;
  status: TReferralEvent['status'];
  at: Date;
  by_name: string;
  actor: 'provider' | 'referrer';
  reason: string | null;
  note: string | null;
  position: number | null;
  period: string | null;
}

/** The status history and confirmed months of the referrals, by referral id. */
async function historyOf(
  q: Queryable,
  m: string,
  ids: readonly string[],
): Promise<{ events: Map<string, TEventRow[]>; attendance: Map<string, string[]> }> {
  const events = new Map<string, TEventRow[]>();
  const attendance = new Map<string, string[]>();
  if (ids.length === 0) return { events, attendance };
  const { rows } = await q.query<TEventRow>(
    sql`SELECT e.referral_id, e.status, e.at, u.name AS by_name, e.actor, e.reason, e.note, e.position, e.period::text
          FROM referral_events e JOIN users u ON u.municipality_id = e.municipality_id AND u.id = e.by_user
         WHERE e.municipality_id = ${m} AND e.referral_id = ANY(${ids}::uuid[]) ORDER BY e.at, e.id`,
  );
  for (const r of rows) events.set(r.referral_id, [...(events.get(r.referral_id) ?? []), r]);
  const { rows: months } = await q.query(
    sql`SELECT referral_id, period::text FROM referral_attendance
         WHERE municipality_id = ${m} AND referral_id = ANY(${ids}::uuid[]) ORDER BY period`,
  );
  for (const r of months)
    attendance.set(r.referral_id, [...(attendance.get(r.referral_id) ?? []), month(r.period)]);
  return { events, attendance };
}

/** Where a referral was made from, by its origin columns. */
function referralOrigin(r: {
  origin_goal_position: number | null;
  origin_plan_id: string | null;
  origin_action_id: string | null;
  origin_text: string | null;
}): TReferral['origin'] {
  if (r.origin_goal_position !== null)
    return {
      kind: 'goal',
      planId: r.origin_plan_id,
      position: r.origin_goal_position,
      text: r.origin_text ?? '',
    };
  if (r.origin_text !== null) return { kind: 'action', actionId: r.origin_action_id, text: r.origin_text };
  return null;
}

/**
 * Referrals as the child's adults see them (one referral, or all of a child's, newest first): offer, provider,
 * status with its reason, the basis and whether it still holds today, who referred, the whole history and the
 * months attended. Provider-side events name the provider, not its partner users.
 */
export async function selectReferrals(
  q: Queryable,
  m: string,
  where: { childId?: string; id?: string },
  today: string,
  locale: TLocale,
): Promise<TReferral[]> {
  const { rows } = await q.query(
    sql`SELECT r.*, o.name AS offer_name, o.kind AS offer_kind, o.status AS offer_status, p.id AS provider_id,
               p.name AS provider_name, CASE WHEN ${locale} = 'en' THEN k.label_en ELSE k.label_da END AS kind_label,
               u.name AS referred_by_name, b.*
          FROM referrals r
          JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
          JOIN offer_providers p ON p.municipality_id = o.municipality_id AND p.id = o.provider_id
          JOIN offer_kinds k ON k.municipality_id = o.municipality_id AND k.code = o.kind
          JOIN users u ON u.municipality_id = r.municipality_id AND u.id = r.referred_by
          JOIN LATERAL (${referralBasis('r')}) b ON true
         WHERE r.municipality_id = ${m}
           ${where.childId ? sql`AND r.child_id = ${where.childId}` : sql.empty}
           ${where.id ? sql`AND r.id = ${where.id}` : sql.empty}
         ORDER BY r.referred_at DESC, r.id`,
  );
  const { events, attendance } = await historyOf(
    q,
    m,
    rows.map((r) => r.id),
  );
  return rows.map((r): TReferral => {
    const state = basisState(basisFactsFromRow(r), r.provider_id, today);
    return {
      id: r.id,
      childId: r.child_id,
      offer: {
        id: r.offer_id,
        name: r.offer_name,
        kind: r.offer_kind,
        kindLabel: r.kind_label,
        status: r.offer_status,
      },
      provider: { id: r.provider_id, name: r.provider_name },
      status: r.status,
      waitingPosition: r.waiting_position,
      declineReason: r.decline_reason,
      endReason: r.end_reason,
      note: r.status_note,
      basis:
        r.basis === 'consent'
          ? { kind: 'consent', consentId: r.consent_id, state }
          : { kind: 'legalBasis', measureId: r.measure_id, caseId: r.b_case_id, state },
      sharedKinds: r.shared_kinds,
      ageReason: r.age_reason,
      origin: referralOrigin(r),
      referredBy: { id: r.referred_by, name: r.referred_by_name },
      referredAt: new Date(r.referred_at).toISOString(),
      statusAt: new Date(r.status_at).toISOString(),
      startedAt: iso(r.started_at),
      history: (events.get(r.id) ?? []).map((e) => ({
        status: e.status,
        at: new Date(e.at).toISOString(),
        by: e.actor === 'provider' ? r.provider_name : e.by_name,
        actor: e.actor,
        reason: e.reason,
        note: e.note,
        position: e.position,
        period: e.period ? month(e.period) : null,
      })),
      attendance: attendance.get(r.id) ?? [],
      version: r.version,
    };
  });
}

/**
 * Referrals as a partner user sees them: the offer, status and history; who the child is (first and last name,
 * age on `today`) and — only where what they may see includes `contact` — the custodians who gave the consent
 * (all custodians on a case decision) with phone and e-mail. Never the CPR number, the birth date or anything
 * of assessments, concerns, meetings or cases.
 */
export async function partnerViews(
  q: Queryable,
  m: string,
  found: readonly TPartnerReferralAccess[],
  today: string,
): Promise<TPartnerReferral[]> {
  if (found.length === 0) return [];
  const ids = found.map((f) => f.row.id);
  const { rows } = await q.query(
    sql`SELECT r.id, r.waiting_position, r.referred_at, o.name AS offer_name, u.name AS referred_by_name,
               c.first_name, c.last_name, age_on(c.birth_date, ${today}::date) AS age, k.purpose, k.guardian_ids
          FROM referrals r
          JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
          JOIN children c ON c.municipality_id = r.municipality_id AND c.id = r.child_id
          JOIN users u ON u.municipality_id = r.municipality_id AND u.id = r.referred_by
          LEFT JOIN consents k ON k.municipality_id = r.municipality_id AND k.id = r.consent_id
         WHERE r.municipality_id = ${m} AND r.id = ANY(${ids}::uuid[])`,
  );
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const withContact = found.filter((f) => f.sees.includes('contact'));
  const contacts = new Map<string, { name: string; phone: string | null; email: string | null }[]>();
  if (withContact.length > 0) {
    const { rows: people } = await q.query(
      sql`SELECT r.id AS referral_id, g.first_name || ' ' || g.last_name AS name, g.phone, g.email
            FROM referrals r
            JOIN child_guardians cg ON cg.municipality_id = r.municipality_id AND cg.child_id = r.child_id AND cg.has_custody
            JOIN guardians g ON g.municipality_id = cg.municipality_id AND g.id = cg.guardian_id
            LEFT JOIN consents k ON k.municipality_id = r.municipality_id AND k.id = r.consent_id
           WHERE r.municipality_id = ${m} AND r.id = ANY(${withContact.map((f) => f.row.id)}::uuid[])
             AND (r.consent_id IS NULL OR g.id = ANY(k.guardian_ids))
           ORDER BY g.last_name, g.first_name`,
    );
    for (const p of people)
      contacts.set(p.referral_id, [
        ...(contacts.get(p.referral_id) ?? []),
        { name: p.name, phone: p.phone, email: p.email },
      ]);
  }
  const { events, attendance } = await historyOf(q, m, ids);
  return found.map(({ row, sees }): TPartnerReferral => {
    const r = byId.get(row.id);
    return {
      id: row.id,
      offer: { id: row.offer_id, name: r.offer_name },
      status: row.status,
      waitingPosition: r.waiting_position,
      referredAt: new Date(r.referred_at).toISOString(),
      referredBy: r.referred_by_name,
      purpose: row.basis === 'consent' ? r.purpose : null,
      basis: row.basis,
      child: { firstName: r.first_name, lastName: r.last_name, age: r.age },
      contacts: sees.includes('contact') ? (contacts.get(row.id) ?? []) : null,
      history: (events.get(row.id) ?? []).map((e) => ({
        status: e.status,
        at: new Date(e.at).toISOString(),
        position: e.position,
        period: e.period ? month(e.period) : null,
      })),
      attendance: attendance.get(row.id) ?? [],
      version: row.version,
    };
  });
}

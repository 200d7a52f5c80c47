import { danishDate, weekdaysBetween } from '../../../domain/deadlines/index.ts';
import { unansweredLevel } from '../../../domain/offers/referral-status.ts';
import type { Db } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { insertAlert } from '../alerts/insert-alert.ts';
import { loadDeadlineConfig } from '../deadline-settings/load-deadline-config.ts';
import { loadReferralSettings } from './referral-settings.ts';

/**
 * Daily: a referral the provider has not answered (still `sent`) raises an alert to its referrer once it has
 * waited the municipality's number of weekdays (default 2), and one to the referrer's leaders once it has waited
 * the escalation number (default 10): the unit leaders of the unit the referrer acted from, or the casework
 * managers of the team (a manager without a team manages all). Weekdays skip holidays and the municipality's days
 * off. Once per referral and person (dedupe key), so a rerun raises nothing twice. The alert names the offer and
 * links to the child's profile, where the reader's own relation decides what they see; it carries nothing of the
 * child, so no audit event is written.
 */
export async function remindUnansweredReferrals(
  db: Db,
  now = new Date(),
): Promise<{ alerts: number; escalations: number }> {
  const today = danishDate(now);
  const { rows: municipalities } = await db.pool.query(
    "SELECT DISTINCT municipality_id FROM referrals WHERE status = 'sent'",
  );
  const result = { alerts: 0, escalations: 0 };
  for (const { municipality_id: m } of municipalities) {
    await db.tenant(m, async (q) => {
      const deadlines = await loadReferralSettings(q, m);
      const holidays = await loadDeadlineConfig(q, m);
      const { rows } = await q.query(
        sql`SELECT r.id, r.child_id, r.referred_by, r.referred_at, r.referrer_unit_id, r.referrer_team_id, o.name AS offer
              FROM referrals r JOIN offers o ON o.municipality_id = r.municipality_id AND o.id = r.offer_id
             WHERE r.municipality_id = ${m} AND r.status = 'sent'`,
      );
      for (const r of rows) {
        const sentOn = danishDate(new Date(r.referred_at));
        const waited = weekdaysBetween(sentOn, today, holidays);
        const level = unansweredLevel(waited, deadlines);
        if (level === 'none') continue;
        const base = { municipalityId: m, childId: r.child_id, link: `/boern/${r.child_id}` };
        if (
          await insertAlert(q, {
            ...base,
            userId: r.referred_by,
            kind: 'reminder',
            reason: {
              code: 'referralUnanswered',
              params: { offer: r.offer, sentOn, weekdays: deadlines.alertWeekdays },
            },
            dedupeKey: `referral-unanswered:${r.id}`,
          })
        )
          result.alerts += 1;
        if (level !== 'escalate') continue;
        const { rows: leaders } = await q.query(
          sql`SELECT DISTINCT ra.user_id FROM role_assignments ra
                JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
               WHERE ra.municipality_id = ${m}
                 AND ((ra.role = 'unitLeader' AND ra.unit_id = ${r.referrer_unit_id}::uuid)
                   OR (${r.referrer_team_id}::uuid IS NOT NULL AND ra.role = 'caseworkManager'
                       AND (ra.team_id IS NULL OR ra.team_id = ${r.referrer_team_id}::uuid)))`,
        );
        for (const { user_id } of leaders)
          if (
            await insertAlert(q, {
              ...base,
              userId: user_id,
              kind: 'overdue',
              reason: {
                code: 'referralUnansweredEscalated',
                params: { offer: r.offer, sentOn, weekdays: deadlines.escalateWeekdays },
              },
              dedupeKey: `referral-unanswered-escalated:${r.id}`,
            })
          )
            result.escalations += 1;
      }
    });
  }
  return result;
}

import { caseDeadlines } from '../../../domain/cases/index.ts';
import { addDays, danishDate } from '../../../domain/deadlines/index.ts';
import type { Db } from '../../db/client.ts';
import { insertAlert } from '../alerts/insert-alert.ts';
import { caseDeadlineConfig } from './case-deadline-config.ts';

/** How many days before a case deadline its caseworker is reminded. */
export const REMIND_DAYS_BEFORE = 7;

type TKind = 'childAssessment' | 'plan' | 'followUp';

/**
 * Daily: reminds the caseworker of every open case deadline (§ 20, § 91, § 95) due within a week, and when
 * one has passed tells the caseworker and escalates to the managers of the case's team (a manager without a
 * team manages all). In-app alerts, once per deadline and user (dedupe key), so a rerun raises nothing
 * twice. Alerts carry the case's reference and link only, no case content, so no audit event is written.
 */
export async function remindCaseDeadlines(
  db: Db,
  now = new Date(),
): Promise<{ reminders: number; escalations: number }> {
  const today = danishDate(now);
  const soon = addDays(today, REMIND_DAYS_BEFORE);
  const { rows: municipalities } = await db.pool.query(
    "SELECT DISTINCT municipality_id FROM cases WHERE status = 'open'",
  );
  const result = { reminders: 0, escalations: 0 };
  for (const { municipality_id: m } of municipalities) {
    await db.tenant(m, async (q) => {
      const config = await caseDeadlineConfig(q, m);
      const { rows } = await q.query(
        `SELECT c.id, c.reference, c.child_id, c.team_id, c.caseworker_id, k.birth_date, c.assessment_due_on,
                c.assessment_completed_on, c.preliminary_recorded_on,
                (SELECT coalesce(json_agg(json_build_object('section', cm.section, 'startsOn', cm.starts_on, 'endsOn', cm.ends_on)), '[]')
                   FROM case_measures cm WHERE cm.municipality_id = c.municipality_id AND cm.case_id = c.id) AS measures,
                (SELECT p.made_on FROM case_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id) AS plan_made_on,
                (SELECT coalesce(json_agg(json_build_object('dueOn', f.due_on, 'heldOn', f.held_on) ORDER BY f.due_on), '[]')
                   FROM case_follow_ups f WHERE f.municipality_id = c.municipality_id AND f.case_id = c.id) AS follow_ups
           FROM cases c JOIN children k ON k.municipality_id = c.municipality_id AND k.id = c.child_id
          WHERE c.municipality_id = $1 AND c.status = 'open'`,
        [m],
      );
      const { rows: managers } = await q.query(
        `SELECT DISTINCT ra.user_id, ra.team_id FROM role_assignments ra
           JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
          WHERE ra.municipality_id = $1 AND ra.role = 'caseworkManager'`,
        [m],
      );
      for (const r of rows) {
        const d = caseDeadlines(
          {
            birthDate: r.birth_date,
            assessmentDueOn: r.assessment_due_on,
            assessmentCompletedOn: r.assessment_completed_on,
            preliminaryRecordedOn: r.preliminary_recorded_on,
            measures: r.measures,
            planMadeOn: r.plan_made_on,
            followUps: r.follow_ups,
          },
          config,
          today,
        );
        const open: { kind: TKind; due: string; state: string }[] = [
          { kind: 'childAssessment', due: d.childAssessment.due, state: d.childAssessment.state },
          ...(d.plan ? [{ kind: 'plan' as const, due: d.plan.due, state: d.plan.state }] : []),
          ...d.followUps.map((f) => ({ kind: 'followUp' as const, due: f.due, state: f.state })),
        ];
        for (const x of open) {
          const base = {
            municipalityId: m,
            childId: r.child_id,
            link: `/sager/${r.id}`,
            reason: {
              code: x.state === 'overdue' ? 'caseDeadlineOverdue' : 'caseDeadlineSoon',
              params: { reference: r.reference, deadline: x.kind, due: x.due },
            },
          };
          if (x.state === 'open' && x.due <= soon) {
            if (
              await insertAlert(q, {
                ...base,
                userId: r.caseworker_id,
                kind: 'reminder',
                dedupeKey: `case-deadline:${r.id}:${x.kind}:${x.due}:soon`,
              })
            )
              result.reminders += 1;
          }
          if (x.state === 'overdue') {
            const to = [
              r.caseworker_id,
              ...managers.filter((g) => g.team_id === null || g.team_id === r.team_id).map((g) => g.user_id),
            ];
            for (const userId of new Set<string>(to))
              if (
                await insertAlert(q, {
                  ...base,
                  userId,
                  kind: 'overdue',
                  dedupeKey: `case-deadline:${r.id}:${x.kind}:${x.due}:overdue`,
                })
              )
                result.escalations += 1;
          }
        }
      }
    });
  }
  return result;
}

import { caseDeadlines } from '../../../domain/cases/index.ts';
import { ageOn, danishDate, type TDeadlineConfig } from '../../../domain/deadlines/index.ts';
import type { TLocale } from '../../../shared/i18n/errors.ts';
import type { TCase } from '../../../shared/schemas/cases.ts';
import type { Queryable } from '../../db/client.ts';

export function today(): string {
  return danishDate(new Date());
}

/** Protective factors of the latest published catalogue by code, with the label in the reader's language. */
export async function protectiveFactors(
  q: Queryable,
  m: string,
  locale: TLocale,
): Promise<Map<string, { code: string; label: string }>> {
  const { rows } = await q.query(
    `SELECT f.code, f.label_da, f.label_en FROM factors f
       JOIN factor_catalogues fc ON fc.municipality_id = f.municipality_id AND fc.id = f.catalogue_id
      WHERE f.municipality_id = $1 AND f.kind = 'protective'
        AND fc.id = (SELECT id FROM factor_catalogues WHERE municipality_id = $1 AND status = 'published'
                      ORDER BY version DESC LIMIT 1)`,
    [m],
  );
  return new Map(
    rows.map((r) => [r.code, { code: r.code, label: locale === 'en' ? r.label_en : r.label_da }]),
  );
}

/** The whole case as the case page shows it: facts, deadlines computed today, plan, timeline. */
export async function selectCase(
  q: Queryable,
  m: string,
  caseId: string,
  locale: TLocale,
  config: TDeadlineConfig,
  canManage: boolean,
): Promise<TCase | undefined> {
  const { rows } = await q.query(
    `SELECT c.*, ch.first_name, ch.last_name, ch.birth_date, t.name AS team_name, u.name AS caseworker_name,
            u.email AS caseworker_email, n.reference AS notification_reference, n.received_at
       FROM cases c
       JOIN children ch ON ch.municipality_id = c.municipality_id AND ch.id = c.child_id
       JOIN teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
       JOIN users u ON u.municipality_id = c.municipality_id AND u.id = c.caseworker_id
       LEFT JOIN notifications n ON n.municipality_id = c.municipality_id AND n.id = c.notification_id
      WHERE c.municipality_id = $1 AND c.id = $2`,
    [m, caseId],
  );
  const c = rows[0];
  if (!c) return undefined;
  // One after another: a transaction's client runs one query at a time.
  const guardians = await q.query(
    `SELECT g.id, g.first_name || ' ' || g.last_name AS name, cg.relation, cg.has_custody
       FROM child_guardians cg JOIN guardians g ON g.municipality_id = cg.municipality_id AND g.id = cg.guardian_id
      WHERE cg.municipality_id = $1 AND cg.child_id = $2 ORDER BY cg.has_custody DESC, g.last_name, g.first_name`,
    [m, c.child_id],
  );
  const conversations = await q.query(
    `SELECT cc.id, cc.outcome, cc.on_date, cc.note, cc.reason_not_held, u.name AS recorded_by
       FROM child_conversations cc JOIN users u ON u.municipality_id = cc.municipality_id AND u.id = cc.recorded_by
      WHERE cc.municipality_id = $1 AND cc.case_id = $2 ORDER BY cc.on_date, cc.created_at`,
    [m, caseId],
  );
  const measures = await q.query(
    `SELECT id, section, title, starts_on, ends_on FROM case_measures
      WHERE municipality_id = $1 AND case_id = $2 ORDER BY starts_on, created_at`,
    [m, caseId],
  );
  const plans = await q.query(
    `SELECT p.id, p.kind, p.child_wishes, p.made_on, p.version,
            coalesce(json_agg(json_build_object('text', g.text, 'codes', g.factor_codes) ORDER BY g.position)
                     FILTER (WHERE g.position IS NOT NULL), '[]') AS goals
       FROM case_plans p LEFT JOIN plan_goals g ON g.municipality_id = p.municipality_id AND g.plan_id = p.id
      WHERE p.municipality_id = $1 AND p.case_id = $2 GROUP BY p.municipality_id, p.id`,
    [m, caseId],
  );
  const followUps = await q.query(
    `SELECT id, due_on, held_on, note FROM case_follow_ups WHERE municipality_id = $1 AND case_id = $2
      ORDER BY due_on, id`,
    [m, caseId],
  );
  const events = await q.query(
    `SELECT e.at, e.kind, e.detail, u.name AS actor FROM case_events e
       LEFT JOIN users u ON u.municipality_id = e.municipality_id AND u.id = e.actor_id
      WHERE e.municipality_id = $1 AND e.case_id = $2 ORDER BY e.at DESC, e.id`,
    [m, caseId],
  );
  const factors = await protectiveFactors(q, m, locale);
  const plan = plans.rows[0];
  const now = today();
  const deadlines = caseDeadlines(
    {
      birthDate: c.birth_date,
      assessmentDueOn: c.assessment_due_on,
      assessmentCompletedOn: c.assessment_completed_on,
      preliminaryRecordedOn: c.preliminary_recorded_on,
      measures: measures.rows.map((r) => ({ section: r.section, startsOn: r.starts_on, endsOn: r.ends_on })),
      planMadeOn: plan?.made_on ?? null,
      followUps: followUps.rows.map((r) => ({ dueOn: r.due_on, heldOn: r.held_on })),
    },
    config,
    now,
  );
  return {
    id: c.id,
    reference: c.reference,
    status: c.status,
    version: c.version,
    child: {
      id: c.child_id,
      firstName: c.first_name,
      lastName: c.last_name,
      birthDate: c.birth_date,
      age: ageOn(c.birth_date, now),
    },
    guardians: guardians.rows.map((g) => ({
      id: g.id,
      name: g.name,
      relation: g.relation,
      hasCustody: g.has_custody,
    })),
    notification: c.notification_id
      ? {
          id: c.notification_id,
          reference: c.notification_reference,
          receivedAt: c.received_at.toISOString(),
        }
      : null,
    team: { id: c.team_id, name: c.team_name },
    caseworker: { id: c.caseworker_id, name: c.caseworker_name, email: c.caseworker_email },
    awareOn: c.aware_on,
    assessment: {
      dueOn: c.assessment_due_on,
      completedOn: c.assessment_completed_on,
      summary: c.assessment_summary,
      preliminary: c.preliminary_assessment,
      preliminaryRecordedOn: c.preliminary_recorded_on,
    },
    deadlines,
    conversations: conversations.rows.map((r) => ({
      id: r.id,
      outcome: r.outcome,
      onDate: r.on_date,
      note: r.note,
      reasonNotHeld: r.reason_not_held,
      recordedBy: r.recorded_by,
    })),
    measures: measures.rows.map((r) => ({
      id: r.id,
      section: r.section,
      title: r.title,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
    })),
    plan: plan
      ? {
          id: plan.id,
          kind: plan.kind,
          childWishes: plan.child_wishes,
          madeOn: plan.made_on,
          version: plan.version,
          goals: (plan.goals as { text: string; codes: string[] }[]).map((g) => ({
            text: g.text,
            factors: g.codes.map((code) => factors.get(code) ?? { code, label: code }),
          })),
        }
      : null,
    followUps: followUps.rows.map((r, i) => ({
      id: r.id,
      dueOn: r.due_on,
      heldOn: r.held_on,
      note: r.note,
      state: deadlines.followUps[i]?.state ?? 'open',
    })),
    timeline: events.rows.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actor,
      detail: e.detail,
    })),
    closedOn: c.closed_on,
    closedReason: c.closed_reason,
    canManage,
  };
}

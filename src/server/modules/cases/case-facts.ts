import { caseDeadlines, type TCaseDeadlines } from '../../../domain/cases/index.ts';
import type { TDeadlineConfig } from '../../../domain/deadlines/index.ts';
import { caseRelation, type TCaseScope } from '../../access/case.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import { today } from './case-document.ts';

export interface TCaseWithDeadlines {
  id: string;
  reference: string;
  status: 'open' | 'closed';
  childId: string;
  firstName: string;
  lastName: string;
  birthDate: string;
  teamId: string;
  teamName: string;
  caseworkerId: string;
  caseworkerName: string;
  awareOn: string;
  assessmentDueOn: string;
  createdAt: Date;
  deadlines: TCaseDeadlines;
}

/**
 * The cases the scope reaches, with every deadline computed for today — one query with the measures, plan
 * date and follow-ups aggregated per case, then the pure rules. Filters are optional.
 */
export async function casesWithDeadlines(
  q: Queryable,
  m: string,
  scope: TCaseScope,
  config: TDeadlineConfig,
  filter: { status?: string; teamId?: string; caseworkerId?: string } = {},
): Promise<TCaseWithDeadlines[]> {
  const status = filter.status ?? null;
  const teamId = filter.teamId ?? null;
  const caseworkerId = filter.caseworkerId ?? null;
  const { rows } = await q.query(
    sql`SELECT c.id, c.reference, c.status, c.child_id, ch.first_name, ch.last_name, ch.birth_date, c.team_id,
            t.name AS team_name, c.caseworker_id, u.name AS caseworker_name, c.aware_on, c.assessment_due_on,
            c.assessment_completed_on, c.preliminary_recorded_on, c.created_at,
            (SELECT coalesce(json_agg(json_build_object('section', cm.section, 'startsOn', cm.starts_on, 'endsOn', cm.ends_on)), '[]')
               FROM case_measures cm WHERE cm.municipality_id = c.municipality_id AND cm.case_id = c.id) AS measures,
            (SELECT p.made_on FROM case_plans p WHERE p.municipality_id = c.municipality_id AND p.case_id = c.id) AS plan_made_on,
            (SELECT coalesce(json_agg(json_build_object('dueOn', f.due_on, 'heldOn', f.held_on) ORDER BY f.due_on), '[]')
               FROM case_follow_ups f WHERE f.municipality_id = c.municipality_id AND f.case_id = c.id) AS follow_ups
       FROM cases c JOIN LATERAL (${caseRelation(scope)}) rel ON true
       JOIN children ch ON ch.municipality_id = c.municipality_id AND ch.id = c.child_id
       JOIN teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
       JOIN users u ON u.municipality_id = c.municipality_id AND u.id = c.caseworker_id
      WHERE c.municipality_id = ${m}
        AND (${status}::case_status IS NULL OR c.status = ${status}::case_status)
        AND (${teamId}::uuid IS NULL OR c.team_id = ${teamId}::uuid)
        AND (${caseworkerId}::uuid IS NULL OR c.caseworker_id = ${caseworkerId}::uuid)
      ORDER BY c.assessment_due_on, c.id
      LIMIT 5000`,
  );
  const now = today();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    status: r.status,
    childId: r.child_id,
    firstName: r.first_name,
    lastName: r.last_name,
    birthDate: r.birth_date,
    teamId: r.team_id,
    teamName: r.team_name,
    caseworkerId: r.caseworker_id,
    caseworkerName: r.caseworker_name,
    awareOn: r.aware_on,
    assessmentDueOn: r.assessment_due_on,
    createdAt: r.created_at,
    deadlines: caseDeadlines(
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
      now,
    ),
  }));
}

/** The earliest deadline still open (or overdue) on the case. */
export function nextDue(d: TCaseDeadlines): string | null {
  const open = [d.childAssessment, ...(d.plan ? [d.plan] : []), ...d.followUps]
    .filter((x) => x.state === 'open' || x.state === 'overdue')
    .map((x) => x.due)
    .sort();
  return open[0] ?? null;
}

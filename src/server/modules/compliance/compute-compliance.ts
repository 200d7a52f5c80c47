import { isHidden, suppressList } from '../../../domain/measurement/suppression.ts';
import type { TComplianceReport, TComplianceRow } from '../../../shared/schemas/compliance.ts';
import type { Queryable } from '../../db/client.ts';
import { caseDeadlineConfig } from '../cases/case-deadline-config.ts';

// A deadline counts once it is met or has passed; one still running is not yet a verdict. Every cell is
// (team_id, total, on_time); team_id NULL rows are notifications without a case (municipality only).
const SQL = `
WITH period AS (SELECT $2::date AS f, $3::date AS t, (now() AT TIME ZONE 'Europe/Copenhagen')::date AS today),
notified AS (
  SELECT c.team_id,
         count(*) FILTER (WHERE n.assessed_at IS NOT NULL OR n.assessment_due_at < now())::int AS total,
         count(*) FILTER (WHERE n.assessed_at <= n.assessment_due_at)::int AS on_time,
         count(*) FILTER (WHERE n.source = 'professional' AND n.receipt_due_on IS NOT NULL
                            AND (n.receipt_queued_at IS NOT NULL OR n.receipt_due_on < p.today))::int AS r_total,
         count(*) FILTER (WHERE n.source = 'professional'
                            AND (n.receipt_queued_at AT TIME ZONE 'Europe/Copenhagen')::date <= n.receipt_due_on)::int AS r_on_time
    FROM notifications n CROSS JOIN period p
    LEFT JOIN cases c ON c.municipality_id = n.municipality_id AND c.notification_id = n.id
   WHERE n.municipality_id = $1 AND (n.received_at AT TIME ZONE 'Europe/Copenhagen')::date BETWEEN p.f AND p.t
   GROUP BY c.team_id),
assessed AS (
  SELECT c.team_id,
         count(*) FILTER (WHERE c.assessment_completed_on IS NOT NULL OR c.assessment_due_on < p.today)::int AS total,
         count(*) FILTER (WHERE c.assessment_completed_on <= c.assessment_due_on)::int AS on_time
    FROM cases c CROSS JOIN period p
   WHERE c.municipality_id = $1 AND c.assessment_due_on BETWEEN p.f AND p.t
   GROUP BY c.team_id),
first_measure AS (
  SELECT DISTINCT ON (m.case_id) m.case_id, m.starts_on
    FROM case_measures m WHERE m.municipality_id = $1 AND m.section = 's32'
   ORDER BY m.case_id, m.starts_on),
planned AS (
  SELECT c.team_id,
         count(*) FILTER (WHERE pl.made_on IS NOT NULL OR (fm.starts_on + make_interval(months => $4))::date < p.today)::int AS total,
         count(*) FILTER (WHERE pl.made_on <= (fm.starts_on + make_interval(months => $4))::date)::int AS on_time
    FROM first_measure fm CROSS JOIN period p
    JOIN cases c ON c.municipality_id = $1 AND c.id = fm.case_id
    LEFT JOIN case_plans pl ON pl.municipality_id = c.municipality_id AND pl.case_id = c.id
   WHERE fm.starts_on BETWEEN p.f AND p.t
   GROUP BY c.team_id),
followed AS (
  SELECT c.team_id,
         count(*) FILTER (WHERE f.held_on IS NOT NULL OR f.due_on < p.today)::int AS total,
         count(*) FILTER (WHERE f.held_on <= f.due_on)::int AS on_time
    FROM case_follow_ups f CROSS JOIN period p
    JOIN cases c ON c.municipality_id = f.municipality_id AND c.id = f.case_id
   WHERE f.municipality_id = $1 AND f.due_on BETWEEN p.f AND p.t
   GROUP BY c.team_id),
-- The measurement parameter beside the process: per child with a case in the team (opened by the period's
-- end), protective share at the last joint assessment up to the case's start and at the latest one after it.
case_children AS (
  SELECT DISTINCT ON (c.team_id, c.child_id) c.team_id, c.child_id, c.aware_on
    FROM cases c CROSS JOIN period p
   WHERE c.municipality_id = $1 AND c.aware_on <= p.t
   ORDER BY c.team_id, c.child_id, c.aware_on),
shares AS (
  SELECT cc.team_id, cc.child_id,
         (SELECT a.protective_present::float8 / a.protective_known FROM assessments a
           WHERE a.municipality_id = $1 AND a.child_id = cc.child_id AND a.mode = 'joint' AND a.protective_known > 0
             AND a.assessed_on <= cc.aware_on ORDER BY a.assessed_on DESC LIMIT 1) AS before,
         (SELECT a.protective_present::float8 / a.protective_known FROM assessments a CROSS JOIN period p
           WHERE a.municipality_id = $1 AND a.child_id = cc.child_id AND a.mode = 'joint' AND a.protective_known > 0
             AND a.assessed_on > cc.aware_on AND a.assessed_on <= p.t ORDER BY a.assessed_on DESC LIMIT 1) AS after
    FROM case_children cc),
protective AS (
  SELECT team_id, count(*)::int AS n, avg(after - before) AS mean_change
    FROM shares WHERE before IS NOT NULL AND after IS NOT NULL GROUP BY team_id)
SELECT 'notified' AS kind, team_id, total, on_time, NULL::float8 AS mean FROM notified
UNION ALL SELECT 'receipts', team_id, r_total, r_on_time, NULL FROM notified
UNION ALL SELECT 'assessment', team_id, total, on_time, NULL FROM assessed
UNION ALL SELECT 'plan', team_id, total, on_time, NULL FROM planned
UNION ALL SELECT 'followUp', team_id, total, on_time, NULL FROM followed
UNION ALL SELECT 'protective', team_id, n, n, mean_change FROM protective`;

const KINDS = ['notified', 'receipts', 'assessment', 'plan', 'followUp'] as const;

function emptyRow(key: string, name: string, scope: 'team' | 'municipality'): TComplianceRow {
  const cell = () => ({ total: 0, onTime: 0, share: null });
  return {
    key,
    name,
    scope,
    notified: cell(),
    receipts: cell(),
    assessment: cell(),
    plan: cell(),
    followUp: cell(),
    protective: { n: 0, meanChange: null, suppressed: true },
  };
}

/**
 * Process compliance per team and for the municipality over a period, and beside it the change in
 * protective share for children with cases. Aggregates only: no names, cells under 5 children suppressed
 * for the outcome; the municipality row adds notifications that led to no case.
 */
export async function computeCompliance(
  q: Queryable,
  m: string,
  period: { from: string; to: string },
  municipalityName: string,
): Promise<TComplianceReport> {
  const config = await caseDeadlineConfig(q, m);
  const teams = await q.query('SELECT id, name FROM teams WHERE municipality_id = $1 ORDER BY name', [m]);
  const { rows } = await q.query(SQL, [m, period.from, period.to, config.planMonths]);
  const byTeam = new Map<string, TComplianceRow>(
    teams.rows.map((t) => [t.id as string, emptyRow(t.id, t.name, 'team')]),
  );
  const all = emptyRow(m, municipalityName, 'municipality');
  const protectiveSum = { n: 0, sum: 0 };
  for (const r of rows) {
    const row = r.team_id ? byTeam.get(r.team_id) : undefined;
    if (r.kind === 'protective') {
      if (row) row.protective = { n: r.total, meanChange: r.mean, suppressed: false };
      protectiveSum.n += r.total;
      protectiveSum.sum += r.mean * r.total;
      continue;
    }
    const kind = r.kind as (typeof KINDS)[number];
    for (const target of row ? [row, all] : [all]) {
      target[kind].total += r.total;
      target[kind].onTime += r.on_time;
    }
  }
  all.protective = {
    n: protectiveSum.n,
    meanChange: protectiveSum.n > 0 ? protectiveSum.sum / protectiveSum.n : null,
    suppressed: false,
  };
  const finish = (row: TComplianceRow): TComplianceRow => {
    for (const k of KINDS) row[k].share = row[k].total === 0 ? null : row[k].onTime / row[k].total;
    return row;
  };
  const teamRows = [...byTeam.values()].map(finish);
  hideSmallChanges(all, teamRows);
  return { period, rows: [finish(all), ...teamRows] };
}

/**
 * The teams' mean changes add up to the municipality's, so they are one line of the disclosure rule
 * (src/domain/measurement/suppression.ts): a team under 5 children is hidden, and where the total would
 * give a single hidden team away, the smallest shown team is hidden beside it.
 */
export function hideSmallChanges(all: TComplianceRow, teams: readonly TComplianceRow[]): void {
  const withChildren = teams.filter((r) => r.protective.n > 0);
  const { cells, total } = suppressList(withChildren.map((r) => r.protective.n));
  const hide = (row: TComplianceRow) => {
    row.protective = { n: row.protective.n, meanChange: null, suppressed: true };
  };
  withChildren.forEach((row, i) => {
    if (isHidden(cells[i] ?? 'primary')) hide(row);
  });
  for (const row of teams) if (row.protective.n === 0) hide(row);
  if (isHidden(total)) hide(all);
}

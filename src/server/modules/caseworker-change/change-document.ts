import type { TCaseworkerChange } from '../../../shared/schemas/caseworker-change.ts';
import type { Queryable } from '../../db/client.ts';

/** Caseworkers of the teams with their open caseloads now (the leaving one left out). */
export async function teamCaseworkers(
  q: Queryable,
  m: string,
  teamIds: string[],
  leavingUserId: string,
): Promise<TCaseworkerChange['teams']> {
  const { rows } = await q.query(
    `SELECT t.id, t.name,
            coalesce(json_agg(json_build_object('id', u.id, 'name', u.name, 'openCases',
              (SELECT count(*) FROM cases c WHERE c.municipality_id = t.municipality_id AND c.caseworker_id = u.id
                  AND c.status = 'open')) ORDER BY u.name) FILTER (WHERE u.id IS NOT NULL), '[]') AS caseworkers
       FROM teams t
       LEFT JOIN role_assignments ra ON ra.municipality_id = t.municipality_id AND ra.team_id = t.id
            AND ra.role = 'caseworker' AND ra.user_id <> $3
       LEFT JOIN users u ON u.municipality_id = ra.municipality_id AND u.id = ra.user_id AND u.active
      WHERE t.municipality_id = $1 AND t.id = ANY($2::uuid[])
      GROUP BY t.municipality_id, t.id, t.name ORDER BY t.name`,
    [m, teamIds, leavingUserId],
  );
  return rows.map((r) => ({ id: r.id, name: r.name, caseworkers: r.caseworkers }));
}

/** The children whose cases a change moves: named in its audit events, so each child's audit trail shows them. */
export async function changeChildIds(q: Queryable, m: string, changeId: string): Promise<string[]> {
  const { rows } = await q.query(
    `SELECT DISTINCT c.child_id FROM caseworker_change_items i
       JOIN cases c ON c.municipality_id = i.municipality_id AND c.id = i.case_id
      WHERE i.municipality_id = $1 AND i.change_id = $2`,
    [m, changeId],
  );
  return rows.map((r) => r.child_id as string);
}

export async function selectChange(
  q: Queryable,
  m: string,
  changeId: string,
): Promise<TCaseworkerChange | undefined> {
  const { rows } = await q.query(
    `SELECT ch.*, u.name AS leaving_name FROM caseworker_changes ch
       JOIN users u ON u.municipality_id = ch.municipality_id AND u.id = ch.leaving_user_id
      WHERE ch.municipality_id = $1 AND ch.id = $2`,
    [m, changeId],
  );
  const ch = rows[0];
  if (!ch) return undefined;
  const items = await q.query(
    `SELECT i.case_id, c.reference, k.first_name || ' ' || k.last_name AS child_name, c.team_id, t.name AS team_name,
            i.proposed_user_id, i.target_user_id, i.done_at
       FROM caseworker_change_items i
       JOIN cases c ON c.municipality_id = i.municipality_id AND c.id = i.case_id
       JOIN children k ON k.municipality_id = c.municipality_id AND k.id = c.child_id
       JOIN teams t ON t.municipality_id = c.municipality_id AND t.id = c.team_id
      WHERE i.municipality_id = $1 AND i.change_id = $2
      ORDER BY t.name, c.reference`,
    [m, changeId],
  );
  const teamIds = [...new Set(items.rows.map((r) => r.team_id as string))];
  const total = ch.status === 'proposed' ? items.rows.length : ch.total;
  return {
    id: ch.id,
    leaving: { id: ch.leaving_user_id, name: ch.leaving_name },
    effectiveOn: ch.effective_on,
    status: ch.status,
    total,
    processed: ch.processed,
    lettersQueued: ch.letters_queued,
    percent: ch.status === 'done' ? 100 : total === 0 ? 0 : Math.floor((ch.processed / total) * 100),
    version: ch.version,
    createdAt: ch.created_at.toISOString(),
    confirmedAt: ch.confirmed_at ? ch.confirmed_at.toISOString() : null,
    finishedAt: ch.finished_at ? ch.finished_at.toISOString() : null,
    items: items.rows.map((r) => ({
      caseId: r.case_id,
      reference: r.reference,
      childName: r.child_name,
      teamId: r.team_id,
      teamName: r.team_name,
      proposedUserId: r.proposed_user_id,
      targetUserId: r.target_user_id,
      done: r.done_at !== null,
    })),
    teams: await teamCaseworkers(q, m, teamIds, ch.leaving_user_id),
  };
}

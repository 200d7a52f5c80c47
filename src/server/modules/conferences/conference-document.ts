import { openSteps, stepActor } from '../../../domain/conferences/phases.ts';
import type { TConference, TConferenceListItem } from '../../../shared/schemas/conference-views.ts';
import type { Queryable } from '../../db/client.ts';
import { type Sql, sql } from '../../db/sql.ts';
import { conferenceReviewMonths } from '../network/network-document.ts';
import type { TConferenceAccess } from './conferences.access.ts';

const demoless = (name: string) => name.replace(/ \(demo\)$/, '');

/** The conference as its reader sees it, with the steps open to them now. */
export async function selectConference(
  q: Queryable,
  m: string,
  access: Pick<TConferenceAccess, 'row' | 'coordinate' | 'decide'>,
): Promise<TConference> {
  const id = access.row.id;
  const { rows } = await q.query(
    sql`SELECT k.*, k.family_agreed_on::text AS agreed_on, k.review_on::text AS review_day,
               c.first_name, c.last_name, rb.name AS referrer_name, co.name AS coordinator_name,
               EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.municipality_id = co.municipality_id
                          AND ra.user_id = co.id AND ra.role = 'conferenceCoordinator') AS external,
               (SELECT coalesce(json_agg(json_build_object('networkPersonId', i.network_person_id, 'name', p.name,
                         'relation', p.relation, 'chosenWithChild', i.chosen_with_child, 'letterId', i.letter_id)
                         ORDER BY p.name), '[]')
                  FROM conference_invitees i JOIN network_persons p ON p.municipality_id = i.municipality_id
                   AND p.id = i.network_person_id
                 WHERE i.municipality_id = k.municipality_id AND i.conference_id = k.id) AS invitee_list,
               (SELECT coalesce(json_agg(json_build_object('id', t.id, 'what', t.what, 'ownerKind', t.owner_kind,
                         'ownerName', t.owner_name, 'networkPersonId', t.network_person_id, 'dueOn', t.due_on,
                         'checkedBy', t.checked_by, 'question', t.question, 'factorCode', t.factor_code,
                         'reviewStatus', t.review_status) ORDER BY t.position), '[]')
                  FROM conference_tasks t WHERE t.municipality_id = k.municipality_id AND t.conference_id = k.id) AS task_list,
               (SELECT coalesce(json_agg(json_build_object('step', s.step, 'heldOn', s.held_on, 'by', u.name,
                         'at', s.at) ORDER BY s.seq), '[]')
                  FROM conference_steps s JOIN users u ON u.municipality_id = s.municipality_id AND u.id = s.by_user
                 WHERE s.municipality_id = k.municipality_id AND s.conference_id = k.id) AS step_list
          FROM conferences k
          JOIN children c ON c.municipality_id = k.municipality_id AND c.id = k.child_id
          JOIN users rb ON rb.municipality_id = k.municipality_id AND rb.id = k.referred_by
          JOIN users co ON co.municipality_id = k.municipality_id AND co.id = k.coordinator_id
         WHERE k.municipality_id = ${m} AND k.id = ${id}`,
  );
  const r = rows[0];
  const network = access.coordinate
    ? (
        await q.query(
          sql`SELECT p.id, p.name, p.relation FROM network_persons p
                JOIN network_person_children l ON l.municipality_id = p.municipality_id AND l.network_person_id = p.id
               WHERE l.municipality_id = ${m} AND l.child_id = ${r.child_id} ORDER BY p.name, p.id`,
        )
      ).rows.map((p) => ({ id: p.id, name: p.name, relation: p.relation }))
    : [];
  return {
    id: r.id,
    child: { id: r.child_id, firstName: r.first_name, lastName: r.last_name },
    kind: r.case_id ? 'case' : 'preventive',
    caseId: r.case_id,
    reason: r.reason,
    familyAgreedOn: r.agreed_on,
    referredBy: { id: r.referred_by, name: demoless(r.referrer_name) },
    referredAt: new Date(r.referred_at).toISOString(),
    coordinator: { id: r.coordinator_id, name: demoless(r.coordinator_name), external: r.external },
    phase: r.phase,
    questions: r.questions,
    concerns: r.concerns,
    bottomLines: r.bottom_lines,
    invitees: r.invitee_list,
    informants: r.informants,
    tasks: r.task_list,
    refusalReason: r.refusal_reason,
    reviewOn: r.review_day,
    helped: r.helped,
    reviewNote: r.review_note,
    steps: r.step_list.map((s: { step: string; heldOn: string; by: string; at: string }) => ({
      ...s,
      by: demoless(s.by),
      at: new Date(s.at).toISOString(),
    })),
    network,
    openSteps: openSteps(r.phase).filter((s) =>
      stepActor(s) === 'coordinator' ? access.coordinate : access.decide,
    ),
    reviewWithinMonths: await conferenceReviewMonths(q, m),
    version: r.version,
  };
}

/** Conferences as a list, newest first: those matching `where` (a child's, a coordinator's). */
export async function selectConferenceList(
  q: Queryable,
  m: string,
  where: Sql,
): Promise<TConferenceListItem[]> {
  const { rows } = await q.query(
    sql`SELECT k.id, k.child_id, c.first_name, c.last_name, k.case_id, k.phase, co.name AS coordinator_name,
               k.referred_at, k.review_on::text AS review_day
          FROM conferences k
          JOIN children c ON c.municipality_id = k.municipality_id AND c.id = k.child_id
          JOIN users co ON co.municipality_id = k.municipality_id AND co.id = k.coordinator_id
         WHERE k.municipality_id = ${m} AND ${where}
         ORDER BY k.referred_at DESC, k.id LIMIT 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    child: { id: r.child_id, firstName: r.first_name, lastName: r.last_name },
    kind: r.case_id ? 'case' : 'preventive',
    phase: r.phase,
    coordinator: demoless(r.coordinator_name),
    referredAt: new Date(r.referred_at).toISOString(),
    reviewOn: r.review_day,
  }));
}

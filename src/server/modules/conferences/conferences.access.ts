import type { TConferencePhase } from '../../../domain/conferences/phases.ts';
import type { TPermission } from '../../../shared/permissions.ts';
import type { TRelation } from '../../access/relations.ts';
import { staffRelations } from '../../access/staff.ts';
import type { Queryable } from '../../db/client.ts';
import { sql } from '../../db/sql.ts';
import type { TCtx } from '../../http/context.ts';
import { AppError } from '../../http/errors.ts';
import { accessibleCases } from '../cases/cases.access.ts';

export interface TConferenceRow {
  id: string;
  child_id: string;
  case_id: string | null;
  referred_by: string;
  coordinator_id: string;
  phase: TConferencePhase;
  version: number;
}

/** How the user reaches a conference: the relation the audit names, and what they may record. */
export interface TConferenceAccess {
  row: TConferenceRow;
  relation: TRelation;
  permission: TPermission;
  /** The conference's coordinator: runs its phases. */
  coordinate: boolean;
  /** Approves or refuses the plan and closes it: the case's caseworker, or the referrer of a preventive one. */
  decide: boolean;
}

/** The staff's way to conferences about a child (by unit: enrolment, coordinatorship; by team: a case). */
export const CONFERENCE_READ = { unit: 'read:conference:unit', team: 'read:conference:team' } as const;
export const CONFERENCE_WRITE = { unit: 'write:conference:unit', team: 'write:conference:team' } as const;

/** Whether the user may decide on the plan (see `TConferenceAccess.decide`), and under which permission. */
async function decider(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  row: TConferenceRow,
): Promise<{ permission: TPermission; relation: TRelation } | null> {
  if (row.case_id) {
    if (!ctx.user.permissions.has(CONFERENCE_WRITE.team)) return null;
    const relation = (await accessibleCases(q, ctx, [row.case_id], CONFERENCE_WRITE.team)).get(row.case_id);
    return relation ? { permission: CONFERENCE_WRITE.team, relation } : null;
  }
  if (row.referred_by !== ctx.user.userId) return null;
  const staff = (await staffRelations(q, ctx, [row.child_id], CONFERENCE_WRITE, { openCases: true })).get(
    row.child_id,
  );
  return staff ? { permission: staff.permission, relation: staff.relation } : null;
}

/**
 * Who reaches a conference, and why (decision 027): its coordinator (`coordinate:conference:own` — an external
 * coordinator reaches nothing else), the adults who see the child (a case of their team; a unit's enrolment or
 * coordinatorship only for a preventive conference, as a case's conference carries the case), and the approver. Anyone else, and anything of another municipality, gets 404.
 */
export async function conferenceAccess(
  q: Queryable,
  ctx: Pick<TCtx, 'user'>,
  conferenceId: string,
  options: { forUpdate?: boolean } = {},
): Promise<TConferenceAccess> {
  const { rows } = await q.query<TConferenceRow>(
    sql`SELECT id, child_id, case_id, referred_by, coordinator_id, phase, version FROM conferences
         WHERE municipality_id = ${ctx.user.municipalityId} AND id = ${conferenceId}
         ${options.forUpdate ? sql`FOR UPDATE` : sql.empty}`,
  );
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND');
  const coordinate =
    ctx.user.permissions.has('coordinate:conference:own') && row.coordinator_id === ctx.user.userId;
  const decide = await decider(q, ctx, row);
  if (coordinate)
    return {
      row,
      relation: { kind: 'conference', conferenceId: row.id, role: 'coordinator' },
      permission: 'coordinate:conference:own',
      coordinate,
      decide: decide !== null,
    };
  if (decide) return { row, ...decide, coordinate, decide: true };
  const staff = (await staffRelations(q, ctx, [row.child_id], CONFERENCE_READ)).get(row.child_id);
  // A conference in a case carries the authority's concerns: the units see only the preventive ones.
  if (!staff || (row.case_id && staff.permission === CONFERENCE_READ.unit)) throw new AppError('NOT_FOUND');
  return { row, relation: staff.relation, permission: staff.permission, coordinate, decide: false };
}

/** A case to hand over: its id and the team it belongs to. */
export interface TCaseToMove {
  caseId: string;
  teamId: string;
}

/** A caseworker who may take cases: their team and how many open cases they carry now. */
export interface TCandidate {
  userId: string;
  teamId: string;
  openCases: number;
}

export interface TProposedMove {
  caseId: string;
  /** Null when the case's team has no other caseworker: the manager must choose. */
  targetUserId: string | null;
}

/**
 * Proposes a new caseworker for every case of a leaving caseworker: someone in the case's own team, always
 * the one with the lightest caseload at that moment (counting the cases already handed out), ties broken by
 * user id so the proposal is the same every time. Spreading the cases one by one onto the lightest load
 * keeps the team's loads as even as the starting loads allow.
 */
export function proposeReassignment(
  cases: readonly TCaseToMove[],
  candidates: readonly TCandidate[],
  leavingUserId: string,
): TProposedMove[] {
  const byTeam = new Map<string, { userId: string; load: number }[]>();
  for (const c of candidates) {
    if (c.userId === leavingUserId) continue;
    const team = byTeam.get(c.teamId) ?? [];
    if (!team.some((t) => t.userId === c.userId)) team.push({ userId: c.userId, load: c.openCases });
    byTeam.set(c.teamId, team);
  }
  const ordered = [...cases].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const moves = new Map<string, string | null>();
  for (const c of ordered) {
    const team = byTeam.get(c.teamId);
    if (!team || team.length === 0) {
      moves.set(c.caseId, null);
      continue;
    }
    let best = team[0] as { userId: string; load: number };
    for (const t of team) {
      if (t.load < best.load || (t.load === best.load && t.userId < best.userId)) best = t;
    }
    best.load += 1;
    moves.set(c.caseId, best.userId);
  }
  return cases.map((c) => ({ caseId: c.caseId, targetUserId: moves.get(c.caseId) ?? null }));
}

/** Loads after the moves: the team's caseworkers' open cases with the handed-over cases added. */
export function loadsAfter(
  candidates: readonly TCandidate[],
  moves: readonly TProposedMove[],
): Map<string, number> {
  const loads = new Map<string, number>();
  for (const c of candidates) loads.set(c.userId, c.openCases);
  for (const m of moves) if (m.targetUserId) loads.set(m.targetUserId, (loads.get(m.targetUserId) ?? 0) + 1);
  return loads;
}

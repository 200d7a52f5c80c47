/** The handleguide's escalation levels: 1 in the unit, 2 with the parents, 3 interdisciplinary meeting or
 * anonymous consultation, 4 notification to the authority. */
export const LEVELS = [1, 2, 3, 4] as const;
export type TLevel = (typeof LEVELS)[number];
export const NOTIFICATION_LEVEL: TLevel = 4;

export interface TGuideSign {
  code: string;
  acute: boolean;
}

export interface TGuideAction {
  signCode: string;
  level: TLevel;
  code: string;
}

export interface TSuggestion<A extends TGuideAction> {
  /** True when a chosen sign is acute: the concern goes straight to notification (level 4). */
  acute: boolean;
  acuteSigns: string[];
  /** The lowest level the concern may be recorded at. */
  minimumLevel: TLevel;
  /** The actions of the chosen signs by level (an action shared by several signs listed once). */
  byLevel: Record<TLevel, A[]>;
}

/** What the handleguide suggests for a set of signs. Unknown sign codes are ignored here (checked elsewhere). */
export function suggestActions<A extends TGuideAction>(
  signs: readonly TGuideSign[],
  actions: readonly A[],
  chosen: readonly string[],
): TSuggestion<A> {
  const picked = new Set(chosen);
  const acuteSigns = signs.filter((s) => s.acute && picked.has(s.code)).map((s) => s.code);
  const acute = acuteSigns.length > 0;
  const byLevel: Record<TLevel, A[]> = { 1: [], 2: [], 3: [], 4: [] };
  const seen = new Set<string>();
  for (const a of actions) {
    if (!picked.has(a.signCode)) continue;
    if (acute && a.level !== NOTIFICATION_LEVEL) continue;
    const key = `${a.level}:${a.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byLevel[a.level].push(a);
  }
  return { acute, acuteSigns, minimumLevel: acute ? NOTIFICATION_LEVEL : 1, byLevel };
}

export type TChoiceProblem = 'acuteNeedsNotification' | 'actionNotForSigns' | 'actionLevelMismatch' | null;

/**
 * Whether the chosen level and handleguide action fit the signs: an acute sign allows only level 4, and a
 * chosen handleguide action must be one suggested for the chosen signs at that level.
 */
export function checkChoice(
  signs: readonly TGuideSign[],
  actions: readonly TGuideAction[],
  chosen: readonly string[],
  level: TLevel,
  actionCode: string | null,
): TChoiceProblem {
  const s = suggestActions(signs, actions, chosen);
  if (s.acute && level !== NOTIFICATION_LEVEL) return 'acuteNeedsNotification';
  if (actionCode === null) return null;
  const anyLevel = LEVELS.some((l) => s.byLevel[l].some((a) => a.code === actionCode));
  if (!anyLevel) return 'actionNotForSigns';
  if (!s.byLevel[level].some((a) => a.code === actionCode)) return 'actionLevelMismatch';
  return null;
}

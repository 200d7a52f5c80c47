import type { TNotifierKind } from '../../../shared/schemas/notifications';

const KIND_BY_UNIT: Record<string, TNotifierKind> = {
  school: 'school',
  daycare: 'daycare',
  healthVisiting: 'health',
};

/**
 * From a child's profile, the notification form starts from the child's current unit among the user's own
 * units, and the kind of notifier that unit makes the user ("Jeg underretter som"); both stay open otherwise.
 */
export function notifierDefaults(
  enrolments: readonly { unitId: string; unitKind: string; toDate: string | null }[],
  userUnitIds: readonly string[],
  today = new Date().toISOString().slice(0, 10),
): { unitId: string; notifierKind: TNotifierKind | '' } {
  const current = enrolments.find(
    (e) => (e.toDate === null || e.toDate >= today) && userUnitIds.includes(e.unitId),
  );
  if (!current) return { unitId: '', notifierKind: '' };
  return { unitId: current.unitId, notifierKind: KIND_BY_UNIT[current.unitKind] ?? 'other' };
}

import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TParticipation } from '../../../shared/schemas/referral-views';
import { can, useMe } from '../auth/session';
import { childParticipationQuery } from './queries';

/** The child's current participation by factor code, for readers who follow its referrals (else none). */
export function useParticipation(childId: string): Map<string, TParticipation[]> {
  const me = useMe();
  const enabled = can(me, 'read:referral:unit') || can(me, 'read:referral:team');
  const participation = useQuery({ ...childParticipationQuery(childId), enabled });
  const byCode = new Map<string, TParticipation[]>();
  for (const p of participation.data?.items ?? [])
    byCode.set(p.factor.code, [...(byCode.get(p.factor.code) ?? []), p]);
  return byCode;
}

/** "Attends X at Y, confirmed through month" — the source of a participation, as one sentence. */
export function participationText(
  p: TParticipation,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  return t('participation.attends', { offer: p.offer.name, provider: p.provider, month: p.lastConfirmed });
}

/** Beside a factor: the confirmed attendance that speaks for it. */
export function ParticipationNote({ items }: { items: TParticipation[] | undefined }) {
  const { t } = useTranslation('offers');
  if (!items || items.length === 0) return null;
  return (
    <Text span display="block" size="xs" fw={400} c="teal.9">
      {items.map((p) => participationText(p, t)).join('; ')}
    </Text>
  );
}

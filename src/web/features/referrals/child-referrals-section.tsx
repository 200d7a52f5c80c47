import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TReferral } from '../../../shared/schemas/referral-views';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { can, useMe } from '../auth/session';
import { ChildLeisurePassSection } from '../leisure-passes/child-leisure-pass-section';
import { OfferSuggestionsSection } from './offer-suggestions-section';
import { childReferralsQuery, withdrawReferral } from './queries';
import { ReferralForm } from './referral-form';

const LIVE = new Set(['sent', 'accepted', 'waitingList', 'started', 'attending']);

/** On the child's profile: its referrals to offers with status and history, and referring it to one. */
export function ChildReferralsSection({ childId }: { childId: string }) {
  const { t } = useTranslation('offers');
  const me = useMe();
  const referrals = useQuery(childReferralsQuery(childId));
  const [adding, setAdding] = useState(false);
  const canRefer = can(me, 'write:referral:unit') && can(me, 'read:consent:unit');
  return (
    <section aria-labelledby="referrals-title">
      <Title order={2} size="h3" mb="sm" id="referrals-title">
        {t('referrals.title')}
      </Title>
      {referrals.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={referrals.error} />
      {referrals.data ? (
        <Stack gap="sm">
          {referrals.data.items.length === 0 ? <Text>{t('referrals.none')}</Text> : null}
          {referrals.data.items.map((r) => (
            <ReferralCard key={r.id} referral={r} canWithdraw={can(me, 'write:referral:unit')} />
          ))}
          {canRefer ? (
            adding ? (
              <Paper withBorder p="md">
                <Title order={3} size="h4" mb="sm">
                  {t('referForm.title')}
                </Title>
                <ReferralForm childId={childId} onDone={() => setAdding(false)} />
              </Paper>
            ) : (
              <Group>
                <Button variant="light" onClick={() => setAdding(true)}>
                  {t('referrals.refer')}
                </Button>
              </Group>
            )
          ) : null}
          <ChildLeisurePassSection childId={childId} />
          <OfferSuggestionsSection childId={childId} />
        </Stack>
      ) : null}
    </section>
  );
}

function statusText(r: TReferral, t: (key: string, o?: Record<string, unknown>) => string): string {
  const base = t(`referralStatus.${r.status}`);
  if (r.status === 'waitingList' && r.waitingPosition)
    return `${base} – ${t('referrals.waiting', { position: r.waitingPosition })}`;
  if (r.status === 'declined' && r.declineReason) return `${base} – ${t(`declineReason.${r.declineReason}`)}`;
  if (r.status === 'ended' && r.endReason) return `${base} – ${t(`endReason.${r.endReason}`)}`;
  return base;
}

function ReferralCard({ referral: r, canWithdraw }: { referral: TReferral; canWithdraw: boolean }) {
  const { t, i18n } = useTranslation('offers');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const started = r.status === 'started' || r.status === 'attending';
  async function end(reason: 'withdrawn' | 'moved') {
    setBusy(true);
    setError(null);
    try {
      await withdrawReferral(r.id, { version: r.version, reason });
      await queryClient.invalidateQueries({ queryKey: ['referrals', 'child', r.childId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start">
          <div>
            <AnchorLink to="/tilbud/$offerId" params={{ offerId: r.offer.id }} fw={700}>
              {r.offer.name}
            </AnchorLink>
            <Text size="sm">
              {r.provider.name} · {r.offer.kindLabel}
            </Text>
          </div>
          <Badge variant="light" color={LIVE.has(r.status) ? 'blue' : 'gray'}>
            {statusText(r, t)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('referrals.referredAt')}: {formatDate(r.referredAt, i18n.language)} · {t('referrals.by')}:{' '}
          {r.referredBy.name} · {t('referrals.basis')}:{' '}
          {r.basis.kind === 'consent' ? t('referrals.basisConsent') : t('referrals.basisLegal')}
        </Text>
        {r.origin ? (
          <Text size="sm">
            {t(r.origin.kind === 'goal' ? 'referrals.originGoal' : 'referrals.originAction', {
              text: r.origin.text,
            })}
          </Text>
        ) : null}
        {r.basis.state !== 'valid' && LIVE.has(r.status) ? (
          <Text size="sm" c="red.8">
            {t('referrals.basisNotValid', { state: t(`basisState.${r.basis.state}`) })}
          </Text>
        ) : null}
        <Text size="sm">
          {t('referrals.history')}:{' '}
          {r.history
            .map((e) =>
              t('referrals.event', {
                status: t(`referralStatus.${e.status}`).toLowerCase(),
                at: formatDate(e.at, i18n.language),
                by: e.by,
              }),
            )
            .join('; ')}
        </Text>
        {r.attendance.length > 0 ? (
          <Text size="sm">
            {t('referrals.attendance')}: {r.attendance.join(', ')}
          </Text>
        ) : null}
        {canWithdraw && LIVE.has(r.status) ? (
          <Group gap="xs" mt={4}>
            {started ? null : (
              <Button size="xs" variant="default" loading={busy} onClick={() => void end('withdrawn')}>
                {t('referrals.withdraw')}
              </Button>
            )}
            <Button size="xs" variant="default" loading={busy} onClick={() => void end('moved')}>
              {t('referrals.moved')}
            </Button>
          </Group>
        ) : null}
        <ErrorAlert error={error} />
      </Stack>
    </Paper>
  );
}

import { Badge, Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMyWork } from '../../../shared/schemas/meetings';
import { ACTION_STATUSES, type TActionStatus } from '../../../shared/schemas/meetings';
import { api } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { AlertReason } from '../alerts/alert-reason';
import { alertsQuery } from '../alerts/queries';
import { can, useMe } from '../auth/session';
import { updateAction } from '../meetings/queries';
import { MyReferralsSection } from './my-referrals-section';

export function MyWorkPage() {
  const { t, i18n } = useTranslation('work');
  const { t: tm } = useTranslation('meetings');
  usePageTitle(t('title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const work = useQuery({ queryKey: ['my-work'], queryFn: () => api.get<TMyWork>('/api/v1/my-work') });
  const alerts = useQuery({
    ...alertsQuery({ page: 1, unreadOnly: true }),
    enabled: can(me, 'read:alert:own'),
  });
  const [error, setError] = useState<unknown>(null);
  async function move(id: string, version: number, status: TActionStatus) {
    setError(null);
    try {
      await updateAction(id, { version, status });
      await queryClient.invalidateQueries({ queryKey: ['my-work'] });
    } catch (e) {
      setError(e);
    }
  }
  if (work.isPending) return <Loader aria-label={t('loading')} />;
  if (!work.data) return <ErrorAlert error={work.error} />;
  const overdue = work.data.actions.filter((a) => a.overdue).length;
  return (
    <Stack gap="xl">
      <Title order={1}>{t('title')}</Title>
      <section aria-labelledby="my-actions-title">
        <Title order={2} size="h3" id="my-actions-title" mb="xs">
          {t('actions', { count: work.data.actions.length })}
        </Title>
        {overdue > 0 ? <Text fw={700}>{t('overdueCount', { count: overdue })}</Text> : null}
        <ErrorAlert error={error} />
        {work.data.actions.length === 0 ? <Text>{t('noActions')}</Text> : null}
        {work.data.actions.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-labelledby="my-actions-title">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{tm('actions.title')}</Table.Th>
                  <Table.Th scope="col">{tm('actions.dueOn')}</Table.Th>
                  <Table.Th scope="col">{t('meeting')}</Table.Th>
                  <Table.Th scope="col">{tm('actions.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {work.data.actions.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>{a.title}</Table.Td>
                    <Table.Td>
                      {formatDate(a.dueOn, i18n.language)}{' '}
                      {a.overdue ? (
                        <Badge color="red.9" variant="filled">
                          {tm('actions.overdue')}
                        </Badge>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <AnchorLink to="/moeder/$meetingId" params={{ meetingId: a.meeting.id }}>
                        {a.meeting.title} ({formatDate(a.meeting.meetingOn, i18n.language)}),{' '}
                        {t('item', { position: a.itemPosition })}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        aria-label={tm('actions.statusOf', { title: a.title })}
                        value={a.status}
                        onChange={(e) => void move(a.id, a.version, e.currentTarget.value as TActionStatus)}
                        data={ACTION_STATUSES.map((s) => ({ value: s, label: tm(`status.${s}`) }))}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </section>
      {can(me, 'read:referral:unit') || can(me, 'read:referral:team') ? <MyReferralsSection /> : null}
      <section aria-labelledby="my-meetings-title">
        <Title order={2} size="h3" id="my-meetings-title" mb="xs">
          {t('meetings')}
        </Title>
        {work.data.meetings.length === 0 ? <Text>{t('noMeetings')}</Text> : null}
        <ul>
          {work.data.meetings.map((m) => (
            <li key={m.id}>
              <AnchorLink to="/moeder/$meetingId" params={{ meetingId: m.id }}>
                {formatDate(m.meetingOn, i18n.language)} {m.startsAt ?? ''} – {m.title} ({m.place.name})
              </AnchorLink>
            </li>
          ))}
        </ul>
      </section>
      {can(me, 'read:alert:own') ? (
        <section aria-labelledby="my-alerts-title">
          <Title order={2} size="h3" id="my-alerts-title" mb="xs">
            {t('alerts')}
          </Title>
          {alerts.data?.items.length === 0 ? <Text>{t('noAlerts')}</Text> : null}
          <ErrorAlert error={alerts.error} />
          <ul>
            {alerts.data?.items.map((a) => (
              <li key={a.id}>
                <Text span size="sm">
                  {formatDateTime(a.createdAt, i18n.language)}:{' '}
                </Text>
                {a.childName ? <strong>{a.childName} – </strong> : null}
                <AlertReason reason={a.reason} factorLabels={a.factorLabels} />
                {a.link ? (
                  <>
                    {' '}
                    <a href={a.link}>{t('open')}</a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <AnchorLink to="/advarsler">{t('allAlerts')}</AnchorLink>
        </section>
      ) : null}
    </Stack>
  );
}

import { Group, Loader, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { ButtonLink } from '../concerns/button-link';
import { meetingsQuery } from './queries';

export function MeetingsPage() {
  const { t, i18n } = useTranslation('meetings');
  usePageTitle(t('list.pageTitle'));
  const me = useMe();
  const [scope, setScope] = useState<'upcoming' | 'past' | 'all'>('upcoming');
  const meetings = useQuery(meetingsQuery(scope));
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('list.pageTitle')}</Title>
        {can(me, 'manage:meeting:unit') ? <ButtonLink to="/moeder/ny">{t('list.new')}</ButtonLink> : null}
      </Group>
      <SegmentedControl
        aria-label={t('list.scope')}
        value={scope}
        onChange={(v) => setScope(v as typeof scope)}
        data={[
          { value: 'upcoming', label: t('list.upcoming') },
          { value: 'past', label: t('list.past') },
          { value: 'all', label: t('list.all') },
        ]}
        maw={420}
      />
      {meetings.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={meetings.error} />
      {meetings.data?.length === 0 ? <Text>{t('list.none')}</Text> : null}
      {meetings.data && meetings.data.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('list.pageTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.date')}</Table.Th>
                <Table.Th scope="col">{t('list.title')}</Table.Th>
                <Table.Th scope="col">{t('list.place')}</Table.Th>
                <Table.Th scope="col">{t('list.items')}</Table.Th>
                <Table.Th scope="col">{t('list.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>
                    {formatDate(m.meetingOn, i18n.language)} {m.startsAt ?? ''}
                  </Table.Td>
                  <Table.Td>
                    <AnchorLink to="/moeder/$meetingId" params={{ meetingId: m.id }}>
                      {m.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{m.place.name}</Table.Td>
                  <Table.Td>{m.items}</Table.Td>
                  <Table.Td>{t(`meetingStatus.${m.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

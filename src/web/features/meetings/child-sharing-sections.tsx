import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { can, useMe } from '../auth/session';
import { ChildConsentsSection } from '../consents/child-consents-section';
import { childMeetingsQuery } from './queries';

/** On the child's profile: its consents, and the meetings that concerned it as far as the user may see them. */
export function ChildSharingSections({ childId }: { childId: string }) {
  const me = useMe();
  return (
    <Stack gap="xl">
      {can(me, 'read:consent:unit') ? <ChildConsentsSection childId={childId} /> : null}
      {can(me, 'read:meeting:own') ? <ChildMeetingsSection childId={childId} /> : null}
    </Stack>
  );
}

function ChildMeetingsSection({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('meetings');
  const meetings = useQuery(childMeetingsQuery(childId));
  return (
    <section aria-labelledby="child-meetings-title">
      <Title order={2} size="h3" mb="sm" id="child-meetings-title">
        {t('profile.title')}
      </Title>
      {meetings.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={meetings.error} />
      {meetings.data?.length === 0 ? <Text>{t('profile.none')}</Text> : null}
      {meetings.data && meetings.data.length > 0 ? (
        <Table.ScrollContainer minWidth={600}>
          <Table aria-labelledby="child-meetings-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.date')}</Table.Th>
                <Table.Th scope="col">{t('list.title')}</Table.Th>
                <Table.Th scope="col">{t('item.basis')}</Table.Th>
                <Table.Th scope="col">{t('minutes.decisions')}</Table.Th>
                <Table.Th scope="col">{t('followUp.helped')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {meetings.data.map((m) => (
                <Table.Tr key={m.itemId}>
                  <Table.Td>{formatDate(m.meetingOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <AnchorLink to="/moeder/$meetingId" params={{ meetingId: m.meetingId }}>
                      {m.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{t(`basis.${m.basis}`)}</Table.Td>
                  <Table.Td>{m.decisions || '–'}</Table.Td>
                  <Table.Td>{m.helped ? t(`helped.${m.helped}`) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </section>
  );
}

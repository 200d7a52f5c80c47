import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { FormDrawer } from '../../components/form-drawer';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-table';
import { AddItemForm } from './add-item-form';
import { AgendaItem } from './agenda-item';
import { meetingQuery } from './queries';

const meetingDetailApi = getRouteApi('/app/moeder/$meetingId');

export function MeetingPage() {
  const { t, i18n } = useTranslation('meetings');
  const { meetingId } = meetingDetailApi.useParams();
  const meeting = useQuery(meetingQuery(meetingId));
  const notFound = meeting.error instanceof ApiError && [400, 404].includes(meeting.error.status);
  usePageTitle(meeting.data?.title ?? t('detail.notFound'));
  if (meeting.isPending) return <Loader aria-label={t('loading')} />;
  if (!meeting.data)
    return (
      <Stack>
        <Title order={1}>{t('detail.notFound')}</Title>
        {notFound ? <Text>{t('detail.notFoundBody')}</Text> : <ErrorAlert error={meeting.error} />}
        <AnchorLink to="/moeder">{t('back')}</AnchorLink>
      </Stack>
    );
  const m = meeting.data;
  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/moeder" size="sm">
          {t('back')}
        </AnchorLink>
        <Title order={1} mt="xs">
          {m.title}
        </Title>
        <Text>
          {formatDate(m.meetingOn, i18n.language)} {m.startsAt ?? ''} · {m.place.name} ·{' '}
          {t('detail.organiser')}: {m.organiser.name} · {t(`meetingStatus.${m.status}`)}
        </Text>
      </div>
      <section aria-labelledby="participants-title">
        <Title order={2} size="h3" id="participants-title" mb="xs">
          {t('detail.participants')}
        </Title>
        <ScrollTable>
          <Table aria-labelledby="participants-title" maw={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('detail.name')}</Table.Th>
                <Table.Th scope="col">{t('form.profession')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m.people.map((p) => (
                <Table.Tr key={p.userId}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{t(`profession.${p.profession}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </section>
      <section aria-labelledby="agenda-title">
        <Title order={2} size="h3" id="agenda-title" mb="xs">
          {t('detail.agenda')}
        </Title>
        <Stack gap="md">
          {m.agenda.length === 0 ? <Text>{t('detail.noItems')}</Text> : null}
          {m.agenda.map((item) => (
            <AgendaItem key={item.id} item={item} meeting={m} />
          ))}
          {m.canManage ? (
            <FormDrawer title={t('addItem.title')} size="xl">
              {(close) => <AddItemForm meetingId={m.id} onDone={close} />}
            </FormDrawer>
          ) : null}
        </Stack>
      </section>
    </Stack>
  );
}

import { Loader, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { Countdown } from './countdown';
import { queueQuery, STATUSES, type TQueueStatus } from './queries';
import './notifications.css';

const notificationsQueueApi = getRouteApi('/app/underretninger');

export function QueuePage() {
  const { t, i18n } = useTranslation('notifications');
  usePageTitle(t('queue.title'));
  const search = notificationsQueueApi.useSearch();
  const navigate = useNavigate({ from: '/underretninger' });
  const status = search.status ?? 'open';
  const page = search.page ?? 1;
  const queue = useQuery({
    ...queueQuery(status, page),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  return (
    <Stack>
      <Title order={1}>{t('queue.title')}</Title>
      <Text>{t('queue.intro')}</Text>
      <NativeSelect
        label={t('queue.show')}
        value={status}
        onChange={(e) =>
          void navigate({ search: { status: e.currentTarget.value as TQueueStatus, page: undefined } })
        }
        data={STATUSES.map((s) => ({ value: s, label: t(`queue.status.${s}`) }))}
        maw={320}
      />
      {queue.isPending ? <Loader aria-label={t('queue.loading')} /> : null}
      <ErrorAlert error={queue.error} />
      {queue.data && queue.data.items.length === 0 ? <Text>{t('queue.empty')}</Text> : null}
      {queue.data && queue.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={800}>
          <Table striped>
            <Table.Caption>{t('queue.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('queue.reference')}</Table.Th>
                <Table.Th scope="col">{t('queue.timeLeft')}</Table.Th>
                <Table.Th scope="col">{t('queue.child')}</Table.Th>
                <Table.Th scope="col">{t('queue.from')}</Table.Th>
                <Table.Th scope="col">{t('queue.received')}</Table.Th>
                <Table.Th scope="col">{t('queue.repeats')}</Table.Th>
                <Table.Th scope="col">{t('queue.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.data.items.map((n) => (
                <Table.Tr key={n.id} className={n.overdue ? 'queue-row-overdue' : undefined}>
                  <Table.Td>
                    <AnchorLink to="/underretninger/$notificationId" params={{ notificationId: n.id }}>
                      {n.reference}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>
                    <Countdown due={n.assessmentDueAt} done={n.status !== 'new'} />
                    {n.escalatedAt ? <Text size="sm">{t('queue.escalated')}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {n.child.name ?? t('queue.noName')}
                    {n.child.birthDate ? ` (${formatDate(n.child.birthDate, i18n.language)})` : ''}
                    {!n.child.matched ? <Text size="sm">{t('queue.unmatched')}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {n.source === 'citizen'
                      ? t(n.anonymous ? 'source.citizenAnonymous' : 'source.citizen')
                      : t(`kind.${n.notifierKind}`)}
                  </Table.Td>
                  <Table.Td>{formatDateTime(n.receivedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {n.repeatCount > 0 ? t('queue.repeatCount', { count: n.repeatCount }) : '–'}
                  </Table.Td>
                  <Table.Td>{n.decision ? t(`decision.${n.decision}`) : t(`status.${n.status}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {queue.data ? (
        <Pager
          page={page}
          pageSize={queue.data.pageSize}
          total={queue.data.total}
          label={t('queue.paging')}
          onChange={(p) => void navigate({ search: { ...search, page: p } })}
        />
      ) : null}
    </Stack>
  );
}

import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-table';
import { can, useMe } from '../auth/session';
import { ButtonLink } from '../concerns/button-link';
import { NotificationForm } from './notification-form';
import { ownNotificationsQuery } from './queries';

const myNotificationsApi = getRouteApi('/app/mine-underretninger');
const newNotificationApi = getRouteApi('/app/mine-underretninger/ny');

export function NewNotificationPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('form.title'));
  const navigate = useNavigate();
  const { childId } = newNotificationApi.useSearch();
  return (
    <Stack>
      <Title order={1}>{t('form.title')}</Title>
      <Text>{t('form.intro')}</Text>
      <NotificationForm
        childId={childId}
        onSaved={(reference) => void navigate({ to: '/mine-underretninger', search: { sent: reference } })}
      />
    </Stack>
  );
}

export function MyNotificationsPage() {
  const { t, i18n } = useTranslation('notifications');
  usePageTitle(t('mine.title'));
  const me = useMe();
  const { sent } = myNotificationsApi.useSearch();
  const list = useQuery(ownNotificationsQuery);
  return (
    <Stack>
      <Title order={1}>{t('mine.title')}</Title>
      <Text>{t('mine.intro')}</Text>
      <div aria-live="polite">
        {sent ? <Text fw={700}>{t('mine.sent', { reference: sent })}</Text> : null}
      </div>
      {can(me, 'write:notification:unit') ? (
        <div>
          <ButtonLink to="/mine-underretninger/ny" variant="light">
            {t('mine.new')}
          </ButtonLink>
        </div>
      ) : null}
      {list.isPending ? <Loader aria-label={t('mine.loading')} /> : null}
      <ErrorAlert error={list.error} />
      {list.data && list.data.length === 0 ? <Text>{t('mine.empty')}</Text> : null}
      {list.data && list.data.length > 0 ? (
        <ScrollTable>
          <Table striped>
            <Table.Caption>{t('mine.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('queue.reference')}</Table.Th>
                <Table.Th scope="col">{t('queue.received')}</Table.Th>
                <Table.Th scope="col">{t('mine.receipt')}</Table.Th>
                <Table.Th scope="col">{t('mine.outcome')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{n.reference}</Table.Td>
                  <Table.Td>{formatDateTime(n.receivedAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {n.receiptSentAt
                      ? t('mine.receiptSent', { at: formatDate(n.receiptSentAt, i18n.language) })
                      : t('mine.receiptDue', { date: formatDate(n.receiptDueOn, i18n.language) })}
                  </Table.Td>
                  <Table.Td>
                    {n.investigationStarted === null
                      ? t('mine.pending')
                      : n.investigationStarted
                        ? t('mine.investigation')
                        : t('mine.noInvestigation')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}

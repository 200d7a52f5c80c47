import { Checkbox, Loader, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { AlertList } from './alert-list';
import { alertsQuery } from './queries';

const alertsApi = getRouteApi('/app/advarsler');

export function AlertsPage() {
  const { t } = useTranslation('concerns');
  usePageTitle(t('alerts.title'));
  const search = alertsApi.useSearch();
  const navigate = useNavigate({ from: '/advarsler' });
  const page = search.page ?? 1;
  const alerts = useQuery({
    ...alertsQuery({ page, unreadOnly: search.unread === true }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>{t('alerts.title')}</Title>
      <Text>{t('alerts.intro')}</Text>
      <Checkbox
        label={t('alerts.unreadOnly')}
        checked={search.unread === true}
        onChange={(e) => void navigate({ search: { unread: e.currentTarget.checked || undefined } })}
      />
      {alerts.isPending ? <Loader aria-label={t('alerts.loading')} /> : null}
      <ErrorAlert error={alerts.error} />
      {alerts.data && alerts.data.items.length === 0 ? <Text>{t('alerts.empty')}</Text> : null}
      {alerts.data && alerts.data.items.length > 0 ? <AlertList alerts={alerts.data.items} /> : null}
      {alerts.data ? (
        <Pager
          page={page}
          pageSize={alerts.data.pageSize}
          total={alerts.data.total}
          label={t('alerts.title')}
          onChange={(p) => void navigate({ search: { ...search, page: p } })}
        />
      ) : null}
    </Stack>
  );
}

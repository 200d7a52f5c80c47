import { Button, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { AuditFiltersForm } from './audit-filters';
import { AuditTable } from './audit-table';
import { AUDIT_PAGE_SIZE, auditExportUrl, auditQuery } from './queries';

const auditApi = getRouteApi('/app/admin/revisionslog');

export function AuditPage() {
  const { t } = useTranslation('audit');
  usePageTitle(t('title'));
  const search = auditApi.useSearch();
  const navigate = useNavigate({ from: '/admin/revisionslog' });
  const events = useQuery(auditQuery(search));
  const { page, ...filters } = search;

  return (
    <>
      <Title order={1} mb="md">
        {t('title')}
      </Title>
      <AuditFiltersForm
        value={filters}
        onChange={(next) => void navigate({ search: { ...next, page: undefined } })}
      />
      <Group mt="md">
        <Button component="a" href={auditExportUrl('csv', filters, 'excel-da')} variant="default" download>
          {t('exportCsvExcel')}
        </Button>
        <Button component="a" href={auditExportUrl('csv', filters)} variant="default" download>
          {t('exportCsv')}
        </Button>
        <Button component="a" href={auditExportUrl('xlsx', filters)} variant="default" download>
          {t('exportXlsx')}
        </Button>
      </Group>
      <ErrorAlert error={events.error} />
      <Text role="status" mt="md" mb="xs">
        {events.data ? t('found', { count: events.data.total }) : ''}
      </Text>
      {events.data && events.data.items.length > 0 ? (
        <>
          <AuditTable items={events.data.items} />
          <Pager
            page={page ?? 1}
            pageSize={AUDIT_PAGE_SIZE}
            total={events.data.total}
            label={t('paging')}
            onChange={(p) => void navigate({ search: { ...search, page: p } })}
          />
        </>
      ) : null}
    </>
  );
}

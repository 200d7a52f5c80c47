import { Button, Checkbox, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { PagedTable } from '../../components/paged-table';
import { can, useMe } from '../auth/session';
import { DeadlineBadge } from './deadline-badge';
import { OpenCaseModal } from './open-case-modal';
import { casesQuery } from './queries';

const casesListApi = getRouteApi('/app/sager');

export function CasesPage() {
  const { t, i18n } = useTranslation('cases');
  usePageTitle(t('list.title'));
  const me = useMe();
  const search = casesListApi.useSearch();
  const navigate = useNavigate({ from: '/sager' });
  const page = search.page ?? 1;
  const [opening, { open, close }] = useDisclosure(Boolean(search.childId || search.notificationId));
  const list = useQuery({
    ...casesQuery({ page, status: search.status, overdue: search.overdue }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('list.title')}</Title>
        {can(me, 'write:case:team') ? <Button onClick={open}>{t('list.open')}</Button> : null}
      </Group>
      <Text>{t('list.intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('list.status')}
          value={search.status ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            void navigate({
              search: { ...search, page: undefined, status: v === 'open' || v === 'closed' ? v : undefined },
            });
          }}
          data={[
            { value: '', label: t('list.all') },
            { value: 'open', label: t('status.open') },
            { value: 'closed', label: t('status.closed') },
          ]}
        />
        <Checkbox
          mb={8}
          label={t('list.onlyOverdue')}
          checked={search.overdue === 'true'}
          onChange={(e) =>
            void navigate({
              search: { ...search, page: undefined, overdue: e.currentTarget.checked ? 'true' : undefined },
            })
          }
        />
      </Group>
      <ErrorAlert error={list.error} />
      <Text role="status">{list.data ? t('list.found', { count: list.data.total }) : ''}</Text>
      <PagedTable
        data={list.data}
        pending={list.isPending}
        loadingLabel={t('list.title')}
        emptyText={t('list.empty')}
        pagerLabel={t('list.title')}
        minWidth={760}
        page={page}
        onPageChange={(p) => void navigate({ search: { ...search, page: p } })}
        head={
          <>
            <Table.Th scope="col">{t('list.reference')}</Table.Th>
            <Table.Th scope="col">{t('list.child')}</Table.Th>
            <Table.Th scope="col">{t('list.caseworker')}</Table.Th>
            <Table.Th scope="col">{t('list.team')}</Table.Th>
            <Table.Th scope="col">{t('list.nextDue')}</Table.Th>
            <Table.Th scope="col">{t('list.deadlines')}</Table.Th>
          </>
        }
        row={(c) => (
          <Table.Tr>
            <Table.Td>
              <AnchorLink to="/sager/$caseId" params={{ caseId: c.id }}>
                {c.reference}
              </AnchorLink>
            </Table.Td>
            <Table.Td>
              {c.child.firstName} {c.child.lastName}
            </Table.Td>
            <Table.Td>{c.caseworker.name}</Table.Td>
            <Table.Td>{c.team.name}</Table.Td>
            <Table.Td>{formatDate(c.nextDue, i18n.language)}</Table.Td>
            <Table.Td>
              {c.status === 'closed' ? t('status.closed') : <DeadlineBadge state={c.overall} />}
            </Table.Td>
          </Table.Tr>
        )}
      />
      {opening ? (
        <OpenCaseModal
          opened={opening}
          onClose={close}
          initial={{ childId: search.childId, notificationId: search.notificationId }}
        />
      ) : null}
    </Stack>
  );
}

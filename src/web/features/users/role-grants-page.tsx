import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TGrantStatus, TRoleGrant } from '../../../shared/schemas/users';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { PagedTable } from '../../components/paged-table';
import { decideRoleGrant, roleGrantsQuery, type TGrantFilter } from './role-grants-queries';

const FILTERS: TGrantFilter[] = ['pending', 'all', 'confirmed', 'refused'];
const COLOR: Record<TGrantStatus, string> = { pending: 'yellow', confirmed: 'green', refused: 'gray' };

/**
 * Roles that reach children wait for a second person. Admins review every grant, unit leaders those of the
 * units they lead; the server decides who may decide (`canDecide`), never the one who asked.
 */
export function RoleGrantsPage() {
  const { t, i18n } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  usePageTitle(t('grants.title'));
  const [status, setStatus] = useState<TGrantFilter>('pending');
  const [page, setPage] = useState(1);
  const list = useQuery(roleGrantsQuery({ status, page }));
  const client = useQueryClient();
  const decide = useMutation({
    mutationFn: decideRoleGrant,
    onSuccess: () =>
      Promise.all(['role-grants', 'users'].map((key) => client.invalidateQueries({ queryKey: [key] }))),
  });
  const roleLabel = (g: TRoleGrant) =>
    g.unit ? `${tc(`role.${g.role}`)} (${g.unit.name})` : tc(`role.${g.role}`);
  const when = (iso: string | null) => (iso ? formatDateTime(iso, i18n.language) : '');

  return (
    <Stack>
      <Title order={1}>{t('grants.title')}</Title>
      <Text>{t('grants.intro')}</Text>
      <NativeSelect
        label={t('grants.filter')}
        value={status}
        onChange={(e) => {
          setStatus(e.currentTarget.value as TGrantFilter);
          setPage(1);
        }}
        data={FILTERS.map((f) => ({ value: f, label: t(`grants.show.${f}`) }))}
        maw={280}
      />
      <ErrorAlert error={list.error ?? decide.error} />
      <Text role="status" aria-live="polite">
        {decide.isSuccess ? t(`grants.done.${decide.data.status}`, { name: decide.data.user.name }) : ''}
      </Text>
      <PagedTable
        data={list.data}
        pending={list.isPending}
        loadingLabel={t('grants.title')}
        emptyText={t('grants.empty')}
        pagerLabel={t('grants.paging')}
        minWidth={900}
        page={page}
        onPageChange={setPage}
        head={
          <>
            <Table.Th scope="col">{t('grants.user')}</Table.Th>
            <Table.Th scope="col">{t('grants.role')}</Table.Th>
            <Table.Th scope="col">{t('grants.status')}</Table.Th>
            <Table.Th scope="col">{t('grants.requested')}</Table.Th>
            <Table.Th scope="col">{t('grants.decided')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </Table.Th>
          </>
        }
        row={(g) => (
          <Table.Tr>
            <Table.Th scope="row" fw={400}>
              {g.user.name}
            </Table.Th>
            <Table.Td>{roleLabel(g)}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={COLOR[g.status]} radius="sm">
                {t(`grants.state.${g.status}`)}
              </Badge>
            </Table.Td>
            <Table.Td>
              {g.requestedBy.name}
              <Text size="sm">{when(g.requestedAt)}</Text>
            </Table.Td>
            <Table.Td>
              {g.decidedBy?.name ?? ''}
              <Text size="sm">{when(g.decidedAt)}</Text>
            </Table.Td>
            <Table.Td>
              {g.canDecide ? (
                <Group gap="xs" wrap="nowrap">
                  <Button
                    size="compact-sm"
                    variant="light"
                    loading={decide.isPending && decide.variables?.id === g.id}
                    onClick={() => decide.mutate({ id: g.id, decision: 'confirm' })}
                    aria-label={t('grants.confirmNamed', { name: g.user.name, role: roleLabel(g) })}
                  >
                    {t('grants.confirm')}
                  </Button>
                  <Button
                    size="compact-sm"
                    variant="default"
                    disabled={decide.isPending && decide.variables?.id === g.id}
                    onClick={() => decide.mutate({ id: g.id, decision: 'refuse' })}
                    aria-label={t('grants.refuseNamed', { name: g.user.name, role: roleLabel(g) })}
                  >
                    {t('grants.refuse')}
                  </Button>
                </Group>
              ) : g.status === 'pending' ? (
                <Text size="sm">{t('grants.otherDecides')}</Text>
              ) : null}
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

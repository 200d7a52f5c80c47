import { Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { PagedTable } from '../../components/paged-table';
import { can, useMe } from '../auth/session';
import { ButtonLink } from './button-link';
import { signNames } from './labels';
import { concernsQuery, handleguideQuery } from './queries';

const concernsApi = getRouteApi('/app/bekymringer');

export function ConcernsPage() {
  const { t, i18n } = useTranslation('concerns');
  usePageTitle(t('list.title'));
  const me = useMe();
  const search = concernsApi.useSearch();
  const navigate = useNavigate({ from: '/bekymringer' });
  const page = search.page ?? 1;
  const list = useQuery({
    ...concernsQuery({ page, level: search.level, anonymous: search.anonymous }),
    placeholderData: keepPreviousData,
  });
  const guide = useQuery(handleguideQuery);
  return (
    <Stack>
      <Title order={1}>{t('list.title')}</Title>
      <Text>{t('list.intro')}</Text>
      {can(me, 'write:concern:unit') ? (
        <div>
          <ButtonLink to="/bekymringer/ny" variant="light">
            {t('list.newAnonymous')}
          </ButtonLink>
        </div>
      ) : null}
      <Group>
        <NativeSelect
          label={t('list.level')}
          value={search.level ? String(search.level) : ''}
          onChange={(e) =>
            void navigate({
              search: { ...search, page: undefined, level: Number(e.currentTarget.value) || undefined },
            })
          }
          data={[
            { value: '', label: t('list.all') },
            ...[1, 2, 3, 4].map((l) => ({ value: String(l), label: t(`level.${l}`) })),
          ]}
        />
        <NativeSelect
          label={t('list.kind')}
          value={search.anonymous ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value;
            void navigate({
              search: {
                ...search,
                page: undefined,
                anonymous: v === 'true' || v === 'false' ? v : undefined,
              },
            });
          }}
          data={[
            { value: '', label: t('list.kindAll') },
            { value: 'false', label: t('list.kindNamed') },
            { value: 'true', label: t('list.kindAnonymous') },
          ]}
        />
      </Group>
      <ErrorAlert error={list.error} />
      <PagedTable
        data={list.data}
        pending={list.isPending}
        loadingLabel={t('section.loading')}
        emptyText={t('list.empty')}
        pagerLabel={t('list.title')}
        minWidth={720}
        page={page}
        onPageChange={(p) => void navigate({ search: { ...search, page: p } })}
        head={
          <>
            <Table.Th scope="col">{t('list.date')}</Table.Th>
            <Table.Th scope="col">{t('list.child')}</Table.Th>
            <Table.Th scope="col">{t('list.signs')}</Table.Th>
            <Table.Th scope="col">{t('list.level')}</Table.Th>
            <Table.Th scope="col">{t('list.action')}</Table.Th>
            <Table.Th scope="col">{t('list.by')}</Table.Th>
          </>
        }
        row={(c) => (
          <Table.Tr>
            <Table.Td>{formatDate(c.createdAt.slice(0, 10), i18n.language)}</Table.Td>
            <Table.Td>
              {c.childId ? (
                <AnchorLink to="/boern/$childId" params={{ childId: c.childId }}>
                  {c.childName}
                </AnchorLink>
              ) : (
                t('list.anonymousChild')
              )}
            </Table.Td>
            <Table.Td>{signNames(c.signs, guide.data, i18n.language)}</Table.Td>
            <Table.Td>{c.level}</Table.Td>
            <Table.Td>{c.actionText}</Table.Td>
            <Table.Td>
              {c.createdByName} ({t(`profession.${c.profession}`)})
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

import { Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { ChildSearchForm } from './child-search-form';
import { ChildTable } from './child-table';
import { CHILDREN_PAGE_SIZE, childrenQuery } from './queries';
import type { TChildSearch } from './types';

// The search may be a CPR number, so it stays in memory instead of the address bar and browser history;
// it survives a visit to a profile and back, not a reload.
let lastSearch: TChildSearch = {};

export function ChildrenListPage() {
  const { t } = useTranslation('children');
  usePageTitle(t('list.title'));
  const [search, setSearchState] = useState<TChildSearch>(lastSearch);
  const children = useQuery(childrenQuery(search));
  const page = search.page ?? 1;

  function setSearch(next: TChildSearch) {
    lastSearch = next;
    setSearchState(next);
  }

  return (
    <>
      <Title order={1} mb="md">
        {t('list.title')}
      </Title>
      <ChildSearchForm value={search} onSearch={setSearch} />
      <ErrorAlert error={children.error} />
      <Text role="status" mt="md" mb="xs">
        {children.isPlaceholderData
          ? t('list.searching')
          : children.data
            ? t('list.found', { count: children.data.total })
            : ''}
      </Text>
      {children.data && children.data.items.length > 0 ? (
        <>
          <ChildTable items={children.data.items} caption={t('list.caption')} />
          <Pager
            page={page}
            pageSize={CHILDREN_PAGE_SIZE}
            total={children.data.total}
            label={t('list.paging')}
            onChange={(p) => setSearch({ ...search, page: p })}
          />
        </>
      ) : null}
    </>
  );
}

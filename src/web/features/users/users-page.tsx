import { Button, Group, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { CreateUserModal } from './create-user-modal';
import { EditUserModal } from './edit-user-modal';
import { USERS_PAGE_SIZE, usersQuery } from './queries';
import type { TUser } from './types';
import { UsersTable } from './users-table';

/** The municipality's users: search, create, edit (admins). */
export function AdminUsersPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('users.title'));
  const [search, setSearch] = useState<{ q?: string; page?: number }>({});
  const [draft, setDraft] = useState('');
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);
  const [editing, setEditing] = useState<TUser | null>(null);
  const users = useQuery(usersQuery(search));

  function onSearch(event: FormEvent) {
    event.preventDefault();
    setSearch({ q: draft.trim() || undefined, page: 1 });
  }

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('users.title')}</Title>
        <Button onClick={openCreate}>{t('users.create')}</Button>
      </Group>
      <search aria-label={t('users.searchLabel')}>
        <form onSubmit={onSearch}>
          <Group align="flex-end">
            <TextInput
              label={t('users.search')}
              type="search"
              value={draft}
              onChange={(e) => setDraft(e.currentTarget.value)}
              miw={280}
            />
            <Button type="submit">{t('search')}</Button>
          </Group>
        </form>
      </search>
      <ErrorAlert error={users.error} />
      <Text role="status" mt="md" mb="xs">
        {users.data ? t('users.found', { count: users.data.total }) : ''}
      </Text>
      {users.data && users.data.items.length > 0 ? (
        <>
          <UsersTable items={users.data.items} onEdit={setEditing} />
          <Pager
            page={search.page ?? 1}
            pageSize={USERS_PAGE_SIZE}
            total={users.data.total}
            label={t('users.paging')}
            onChange={(page) => setSearch({ ...search, page })}
          />
        </>
      ) : null}
      <CreateUserModal opened={creating} onClose={closeCreate} />
      <EditUserModal user={editing} onClose={() => setEditing(null)} />
    </>
  );
}

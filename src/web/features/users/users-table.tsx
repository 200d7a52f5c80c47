import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import type { TUser, TUserRole } from './types';

interface TUsersTableProps {
  items: TUser[];
  onEdit: (user: TUser) => void;
}

export function UsersTable({ items, onEdit }: TUsersTableProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const roleLabel = (r: TUserRole) =>
    r.unitName ? `${tc(`role.${r.role}`)} (${r.unitName})` : tc(`role.${r.role}`);
  return (
    <ScrollTable>
      <Table striped captionSide="top">
        <Table.Caption>{t('users.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('users.name')}</Table.Th>
            <Table.Th scope="col">{t('users.email')}</Table.Th>
            <Table.Th scope="col">{t('users.roles')}</Table.Th>
            <Table.Th scope="col">{t('users.status')}</Table.Th>
            <Table.Th scope="col">{t('users.locale')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={400}>
                {user.name}
              </Table.Th>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>
                {[
                  ...user.roles.map(roleLabel),
                  ...user.pendingRoles.map((r) => `${roleLabel(r)} – ${t('users.pending')}`),
                ].join(', ')}
              </Table.Td>
              <Table.Td>{user.active ? t('users.isActive') : t('users.isInactive')}</Table.Td>
              <Table.Td>{user.locale === 'en' ? 'English' : 'Dansk'}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onEdit(user)}
                  aria-label={t('users.editNamed', { name: user.name })}
                >
                  {t('edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import type { TAuditEvent } from './types';

export function AuditTable({ items }: { items: TAuditEvent[] }) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation('common');
  return (
    <Table striped captionSide="top" fz="sm">
      <Table.Caption>{t('caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('columns.at')}</Table.Th>
          <Table.Th scope="col">{t('columns.user')}</Table.Th>
          <Table.Th scope="col">{t('columns.role')}</Table.Th>
          <Table.Th scope="col">{t('columns.action')}</Table.Th>
          <Table.Th scope="col">{t('columns.entity')}</Table.Th>
          <Table.Th scope="col">{t('columns.childId')}</Table.Th>
          <Table.Th scope="col">{t('columns.purpose')}</Table.Th>
          <Table.Th scope="col">{t('columns.ip')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((event) => (
          <Table.Tr key={String(event.seq)}>
            <Table.Th scope="row" fw={400}>
              {formatDateTime(event.at, i18n.language)}
            </Table.Th>
            <Table.Td>{event.userName ?? '–'}</Table.Td>
            <Table.Td>{event.role ? tc(`role.${event.role}`, { defaultValue: event.role }) : '–'}</Table.Td>
            <Table.Td>{event.action}</Table.Td>
            <Table.Td>{event.entityId ? `${event.entity} ${event.entityId}` : event.entity}</Table.Td>
            <Table.Td>{event.childId ?? '–'}</Table.Td>
            <Table.Td>{event.purpose ?? '–'}</Table.Td>
            <Table.Td>{event.ip ?? '–'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

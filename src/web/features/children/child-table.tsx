import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { ScrollTable } from '../../components/scroll-table';
import type { TChildListItem } from './types';

export function ChildTable({ items, caption }: { items: TChildListItem[]; caption: string }) {
  const { t, i18n } = useTranslation('children');
  return (
    <ScrollTable>
      <Table striped highlightOnHover captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.birthDate')}</Table.Th>
            <Table.Th scope="col">{t('fields.cpr')}</Table.Th>
            <Table.Th scope="col">{t('fields.units')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((child) => (
            <Table.Tr key={child.id}>
              <Table.Th scope="row" fw={400}>
                <AnchorLink to="/boern/$childId" params={{ childId: child.id }}>
                  {child.firstName} {child.lastName}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{formatDate(child.birthDate, i18n.language)}</Table.Td>
              <Table.Td>{child.cprMasked}</Table.Td>
              <Table.Td>{child.units.map((unit) => unit.name).join(', ')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

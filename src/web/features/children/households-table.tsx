import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import type { TChildProfile } from './types';

export function HouseholdsTable({ households }: Pick<TChildProfile, 'households'>) {
  const { t } = useTranslation('children');
  if (households.length === 0) return <Text>{t('profile.noHouseholds')}</Text>;
  return (
    <ScrollTable>
      <Table captionSide="top">
        <Table.Caption className="visually-hidden">{t('profile.households')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.address')}</Table.Th>
            <Table.Th scope="col">{t('fields.postalCode')}</Table.Th>
            <Table.Th scope="col">{t('fields.city')}</Table.Th>
            <Table.Th scope="col">{t('fields.primaryHousehold')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {households.map((h) => (
            <Table.Tr key={h.id}>
              <Table.Th scope="row" fw={400}>
                {h.address}
              </Table.Th>
              <Table.Td>{h.postalCode}</Table.Td>
              <Table.Td>{h.city}</Table.Td>
              <Table.Td>{h.isPrimary ? t('profile.yes') : t('profile.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

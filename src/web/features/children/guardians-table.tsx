import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import type { TChildProfile } from './types';

export function GuardiansTable({ guardians }: Pick<TChildProfile, 'guardians'>) {
  const { t } = useTranslation('children');
  if (guardians.length === 0) return <Text>{t('profile.noGuardians')}</Text>;
  return (
    <ScrollTable>
      <Table captionSide="top">
        <Table.Caption className="visually-hidden">{t('profile.guardians')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.name')}</Table.Th>
            <Table.Th scope="col">{t('fields.relation')}</Table.Th>
            <Table.Th scope="col">{t('fields.custody')}</Table.Th>
            <Table.Th scope="col">{t('fields.phone')}</Table.Th>
            <Table.Th scope="col">{t('fields.email')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {guardians.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Th scope="row" fw={400}>
                {g.firstName} {g.lastName}
              </Table.Th>
              <Table.Td>{t(`guardianRelation.${g.relation}`, { defaultValue: g.relation })}</Table.Td>
              <Table.Td>{g.hasCustody ? t('profile.yes') : t('profile.no')}</Table.Td>
              <Table.Td>{g.phone ?? '–'}</Table.Td>
              <Table.Td>{g.email ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

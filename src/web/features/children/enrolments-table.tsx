import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import type { TChildProfile } from './types';

export function EnrolmentsTable({ enrolments }: Pick<TChildProfile, 'enrolments'>) {
  const { t, i18n } = useTranslation('children');
  const { t: tc } = useTranslation('common');
  if (enrolments.length === 0) return <Text>{t('profile.noEnrolments')}</Text>;
  return (
    <ScrollTable>
      <Table captionSide="top">
        <Table.Caption className="visually-hidden">{t('profile.enrolments')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('fields.unit')}</Table.Th>
            <Table.Th scope="col">{t('fields.unitKind')}</Table.Th>
            <Table.Th scope="col">{t('fields.group')}</Table.Th>
            <Table.Th scope="col">{t('fields.from')}</Table.Th>
            <Table.Th scope="col">{t('fields.to')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {enrolments.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Th scope="row" fw={400}>
                {e.unitName}
              </Table.Th>
              <Table.Td>{tc(`unitKind.${e.unitKind}`, { defaultValue: e.unitKind })}</Table.Td>
              <Table.Td>{e.groupName ?? '–'}</Table.Td>
              <Table.Td>{formatDate(e.fromDate, i18n.language)}</Table.Td>
              <Table.Td>{e.toDate ? formatDate(e.toDate, i18n.language) : '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

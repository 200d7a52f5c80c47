import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TImportRowError } from '../../../shared/schemas/imports';

interface TErrorReportProps {
  rows: TImportRowError[];
  omitted: number;
}

/** Every problem of the file: its line (the heading is line 1), the column and what is wrong. */
export function ErrorReport({ rows, omitted }: TErrorReportProps) {
  const { t } = useTranslation('imports');
  if (rows.length === 0) return null;
  return (
    <>
      <Table.ScrollContainer minWidth={480}>
        <Table striped withTableBorder>
          <Table.Caption>{t('failed.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('failed.row')}</Table.Th>
              <Table.Th scope="col">{t('failed.field')}</Table.Th>
              <Table.Th scope="col">{t('failed.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.row}|${r.field}|${r.message}`}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.field}</Table.Td>
                <Table.Td>{r.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {omitted > 0 ? <Text mt="xs">{t('failed.omitted', { count: omitted })}</Text> : null}
    </>
  );
}

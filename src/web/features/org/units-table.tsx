import { Button, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import type { TUnit } from './types';

export function UnitsTable({ items, onEdit }: { items: TUnit[]; onEdit: (unit: TUnit) => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  return (
    <ScrollTable>
      <Table striped captionSide="top">
        <Table.Caption>{t('units.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('units.name')}</Table.Th>
            <Table.Th scope="col">{t('units.kind')}</Table.Th>
            <Table.Th scope="col">{t('units.district')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((unit) => (
            <Table.Tr key={unit.id}>
              <Table.Th scope="row" fw={400}>
                {unit.name}
              </Table.Th>
              <Table.Td>{tc(`unitKind.${unit.kind}`, { defaultValue: unit.kind })}</Table.Td>
              <Table.Td>{unit.districtName ?? '–'}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onEdit(unit)}
                  aria-label={t('units.editNamed', { name: unit.name })}
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

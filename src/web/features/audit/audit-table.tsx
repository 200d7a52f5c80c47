import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { unitsQuery } from '../org/queries';
import { purposeParts } from './purpose';
import type { TAuditEvent } from './types';

/** A purpose in words: the unit's name where the relation runs through a unit, never an internal id. */
function usePurposeLabel(): (purpose: string | null) => string {
  const { t } = useTranslation('audit');
  const units = useQuery(unitsQuery);
  return (purpose) => {
    if (!purpose) return '–';
    const { kind, unitId } = purposeParts(purpose);
    const label = t(`purpose.${kind}`, { defaultValue: kind });
    if (!unitId) return label;
    const unit = units.data?.find((u) => u.id === unitId);
    return `${label}: ${unit?.name ?? unitId}`;
  };
}

export function AuditTable({ items }: { items: TAuditEvent[] }) {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation('common');
  const purposeLabel = usePurposeLabel();
  return (
    <ScrollTable>
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
            <Table.Th scope="col">{t('columns.reason')}</Table.Th>
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
              <Table.Td>{t(`action.${event.action}`, { defaultValue: event.action })}</Table.Td>
              <Table.Td>
                {t(`entity.${event.entity}`, { defaultValue: event.entity })}
                {event.entityId && event.entityId !== event.childId ? ` ${event.entityId}` : ''}
              </Table.Td>
              <Table.Td>{event.childId ?? '–'}</Table.Td>
              <Table.Td>{purposeLabel(event.purpose)}</Table.Td>
              <Table.Td>{event.reason ?? '–'}</Table.Td>
              <Table.Td>{event.ip ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

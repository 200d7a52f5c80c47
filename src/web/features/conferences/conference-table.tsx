import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TConferenceListItem } from '../../../shared/schemas/conference-views';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';

/** Conferences as a table: the child (a link to the conference), phase, kind, coordinator, dates. */
export function ConferenceTable({ items, caption }: { items: TConferenceListItem[]; caption: string }) {
  const { t, i18n } = useTranslation('conferences');
  return (
    <Table aria-label={caption}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('table.child')}</Table.Th>
          <Table.Th scope="col">{t('table.phase')}</Table.Th>
          <Table.Th scope="col">{t('table.kind')}</Table.Th>
          <Table.Th scope="col">{t('table.coordinator')}</Table.Th>
          <Table.Th scope="col">{t('table.referredAt')}</Table.Th>
          <Table.Th scope="col">{t('table.reviewOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((c) => (
          <Table.Tr key={c.id}>
            <Table.Th scope="row">
              <AnchorLink to="/konferencer/$conferenceId" params={{ conferenceId: c.id }}>
                {c.child.firstName} {c.child.lastName}
              </AnchorLink>
            </Table.Th>
            <Table.Td>{t(`phase.${c.phase}`)}</Table.Td>
            <Table.Td>{t(`kind.${c.kind}`)}</Table.Td>
            <Table.Td>{c.coordinator}</Table.Td>
            <Table.Td>{formatDate(c.referredAt, i18n.language)}</Table.Td>
            <Table.Td>{formatDate(c.reviewOn, i18n.language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { ScrollTable } from '../../components/scroll-table';
import { formatPeriod } from './format';
import type { TRound } from './types';

interface TRoundsTableProps {
  items: TRound[];
  /** The units whose progress the user may follow (their own); other units are only counted. */
  myUnitIds: ReadonlySet<string>;
}

export function RoundStatus({ status }: { status: TRound['status'] }) {
  const { t } = useTranslation('assessments');
  return <span className={`round-status round-status-${status}`}>{t(`rounds.status.${status}`)}</span>;
}

export function RoundsTable({ items, myUnitIds }: TRoundsTableProps) {
  const { t, i18n } = useTranslation('assessments');
  return (
    <ScrollTable>
      <Table striped captionSide="top">
        <Table.Caption>{t('rounds.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('rounds.name')}</Table.Th>
            <Table.Th scope="col">{t('rounds.period')}</Table.Th>
            <Table.Th scope="col">{t('rounds.statusLabel')}</Table.Th>
            <Table.Th scope="col">{t('rounds.opensOn')}</Table.Th>
            <Table.Th scope="col">{t('rounds.closesOn')}</Table.Th>
            <Table.Th scope="col">{myUnitIds.size > 0 ? t('rounds.units') : t('rounds.allUnits')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((round) => {
            const mine = round.units.filter((u) => myUnitIds.has(u.id));
            return (
              <Table.Tr key={round.id}>
                <Table.Th scope="row" fw={400}>
                  {round.name}
                </Table.Th>
                <Table.Td>{formatPeriod(round.period, i18n.language)}</Table.Td>
                <Table.Td>
                  <RoundStatus status={round.status} />
                </Table.Td>
                <Table.Td>{formatDate(round.opensOn, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(round.closesOn, i18n.language)}</Table.Td>
                <Table.Td>
                  {mine.length > 0 ? (
                    <ul className="plain-list">
                      {mine.map((unit) => (
                        <li key={unit.id}>
                          <AnchorLink
                            to="/runder/$roundId/enheder/$unitId"
                            params={{ roundId: round.id, unitId: unit.id }}
                            aria-label={t('rounds.progressLink', { unit: unit.name, round: round.name })}
                          >
                            {unit.name}
                          </AnchorLink>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {round.units.length > mine.length ? (
                    <Text size="sm">
                      {mine.length > 0
                        ? t('rounds.otherUnits', { count: round.units.length - mine.length })
                        : t('rounds.unitCount', { count: round.units.length })}
                    </Text>
                  ) : null}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

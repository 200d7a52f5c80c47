import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TPracticeCell } from '../../../domain/practice/practice-figures';
import { ScrollTable } from '../../components/scroll-table';
import { formatPeriod } from '../measurement/format';
import { figureOf, type TPracticeChart, useFigureText } from './figures';

interface TPracticeTableProps {
  cells: TPracticeCell[];
  groupBy: 'unit' | 'profession';
  groupLabel: (cell: TPracticeCell) => string;
}

const COLUMNS: { chart: TPracticeChart; heading: string }[] = [
  { chart: 'toAction', heading: 'toAction' },
  { chart: 'toMeeting', heading: 'toMeeting' },
  { chart: 'toNotification', heading: 'toNotification' },
  { chart: 'actions', heading: 'actionsOnTime' },
  { chart: 'followUps', heading: 'followUpsHeld' },
];

/** Every figure of the charts as a table, for screen readers and for reading exact numbers. */
export function PracticeTable({ cells, groupBy, groupLabel }: TPracticeTableProps) {
  const { t, i18n } = useTranslation('practice');
  const lng = i18n.language;
  const text = useFigureText();
  const whole = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'da-DK');
  const count = (cell: TPracticeCell, v: number | null, figure: 'concerns' | 'yes' | 'partly' | 'no') => {
    const hidden = cell.hidden[figure];
    if (hidden) return t(`hidden.${hidden}`);
    return v === null ? t('noCases') : whole.format(v);
  };
  return (
    <ScrollTable>
      <Table aria-label={t('title')} striped miw={1100} fz="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('period')}</Table.Th>
            <Table.Th scope="col">{groupBy === 'unit' ? t('unit') : t('professionHeading')}</Table.Th>
            <Table.Th scope="col">{t('episodes')}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c.chart} scope="col">
                {t(c.heading)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('helped')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cells.map((c) => (
            <Table.Tr key={`${c.period}:${c.group}`} fw={c.group === null ? 700 : undefined}>
              <Table.Td>{formatPeriod(c.period, lng)}</Table.Td>
              <Table.Th scope="row" fw={c.group === null ? 700 : 400}>
                {groupLabel(c)}
              </Table.Th>
              <Table.Td>{count(c, c.concerns.n, 'concerns')}</Table.Td>
              {COLUMNS.map(({ chart }) => (
                <Table.Td key={chart}>{text(chart, figureOf(c, chart))}</Table.Td>
              ))}
              <Table.Td>
                {t('helpedCells', {
                  yes: count(c, c.helped.yes, 'yes'),
                  partly: count(c, c.helped.partly, 'partly'),
                  no: count(c, c.helped.no, 'no'),
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

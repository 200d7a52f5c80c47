import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { POSITIONS } from '../../../shared/schemas/assessments';
import { ScrollTable } from '../../components/scroll-table';
import { formatPercent } from './format';
import { PositionShape } from './position';
import type { TDistribution, TPosition } from './types';

const FILL: Record<TPosition, string> = { green: '#2b8a3e', yellow: '#fcc419', red: '#c92a2a' };

interface TDistributionProps {
  latest: TDistribution | null;
  previous: TDistribution | null;
}

/**
 * Green, yellow and red among the unit's joint assessments: the latest round against the one before, as
 * bars that carry their own figures, and as a table with the same numbers.
 */
export function DistributionBars({ latest, previous }: TDistributionProps) {
  const { t, i18n } = useTranslation('assessments');
  const rounds = [previous, latest].filter((d): d is TDistribution => d !== null);
  return (
    <figure className="distribution-figure" aria-hidden="true">
      <ul className="distribution-legend">
        {rounds.map((d) => (
          <li key={d.round.id}>
            <span className={`distribution-swatch ${d === previous ? 'distribution-fill-previous' : ''}`} />
            {d.round.name}
          </li>
        ))}
      </ul>
      <div className="distribution">
        {POSITIONS.map((p) => (
          <div className="distribution-row" key={p}>
            <span className="face-option">
              <PositionShape position={p} />
              {t(`position.${p}`)}
            </span>
            <div className="distribution-bars">
              {rounds.map((d) => {
                const share = d.shares[p];
                return (
                  <div className="distribution-bar" key={d.round.id}>
                    <span
                      className={`distribution-fill ${d === previous ? 'distribution-fill-previous' : ''}`}
                      style={{ width: `${(share ?? 0) * 80}%`, backgroundColor: FILL[p] }}
                    />
                    <span>
                      {formatPercent(share, i18n.language)} ({d.counts[p]})
                    </span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </figure>
  );
}

export function DistributionTable({ latest, previous }: TDistributionProps) {
  const { t, i18n } = useTranslation('assessments');
  const rounds = [previous, latest].filter((d): d is TDistribution => d !== null);
  return (
    <ScrollTable>
      <Table captionSide="top" withTableBorder maw={720}>
        <Table.Caption>{t('wellbeing.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('wellbeing.position')}</Table.Th>
            {rounds.map((d) => (
              <Table.Th scope="col" key={`${d.round.id}-n`}>
                {t('wellbeing.countIn', { round: d.round.name })}
              </Table.Th>
            ))}
            {rounds.map((d) => (
              <Table.Th scope="col" key={`${d.round.id}-p`}>
                {t('wellbeing.shareIn', { round: d.round.name })}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {POSITIONS.map((p) => (
            <Table.Tr key={p}>
              <Table.Th scope="row" fw={400}>
                {t(`position.${p}Long`)}
              </Table.Th>
              {rounds.map((d) => (
                <Table.Td
                  key={`${d.round.id}-n`}
                  data-testid={`count-${d === latest ? 'latest' : 'previous'}-${p}`}
                >
                  {d.counts[p]}
                </Table.Td>
              ))}
              {rounds.map((d) => (
                <Table.Td key={`${d.round.id}-p`}>{formatPercent(d.shares[p], i18n.language)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Th scope="row">{t('wellbeing.total')}</Table.Th>
            {rounds.map((d) => (
              <Table.Td
                key={`${d.round.id}-n`}
                fw={700}
                data-testid={`count-${d === latest ? 'latest' : 'previous'}-total`}
              >
                {d.total}
              </Table.Td>
            ))}
            {rounds.map((d) => (
              <Table.Td key={`${d.round.id}-p`} fw={700}>
                {d.total > 0 ? formatPercent(1, i18n.language) : '–'}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function NoDistribution() {
  const { t } = useTranslation('assessments');
  return <Text>{t('wellbeing.noRounds')}</Text>;
}

import { Loader, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { noticeScope } from './notice-labels';
import { noticeOverviewQuery } from './queries';

const COUNTS = ['children', 'notified', 'families', 'pending', 'excepted', 'followUps'] as const;

/** Per unit and round: children recorded about, told, families with a letter, waiting, excepted, follow-ups. */
export function NoticeOverviewTable() {
  const { t } = useTranslation('notices');
  const overview = useQuery(noticeOverviewQuery);
  if (overview.isPending) return <Loader aria-label={t('overview.loading')} />;
  if (overview.error) return <ErrorAlert error={overview.error} />;
  const { rows, suppressed } = overview.data;
  if (rows.length === 0) return <Text>{t('overview.none')}</Text>;
  return (
    <>
      {suppressed ? <Text mb="xs">{t('overview.suppressed')}</Text> : null}
      <Table.ScrollContainer minWidth={760}>
        <Table striped>
          <caption className="visually-hidden">{t('overview.table')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('overview.col.unit')}</Table.Th>
              <Table.Th scope="col">{t('overview.col.round')}</Table.Th>
              {COUNTS.map((c) => (
                <Table.Th scope="col" key={c} ta="right">
                  {t(`overview.col.${c}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.unitId}:${r.kind}:${r.roundId ?? r.period}`}>
                <Table.Th scope="row" fw={400}>
                  {r.unitName}
                </Table.Th>
                <Table.Td>
                  {t(`kind.${r.kind}`)} · {noticeScope(r)}
                </Table.Td>
                {COUNTS.map((c) => (
                  <Table.Td key={c} ta="right">
                    {r[c] === null ? (
                      <>
                        <span aria-hidden="true">–</span>
                        <span className="visually-hidden">{t('overview.hidden')}</span>
                      </>
                    ) : (
                      r[c]
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}

import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatCount, formatInterval, formatPoints, formatShare } from './format';
import type { TMeasurementRow } from './types';

/** Why a cell is empty: fewer than five children, or hidden so another hidden cell cannot be worked out. */
export function SuppressedNote({ suppressed }: { suppressed: TMeasurementRow['suppressed'] }) {
  const { t } = useTranslation('measurement');
  return (
    <>
      <span aria-hidden="true">—</span>{' '}
      <Text component="span" size="xs" c="dimmed">
        {suppressed === 'complementary' ? t('suppressed.complementary') : t('suppressed.primary')}
      </Text>
    </>
  );
}

/**
 * n, mean, 95 % interval and coverage of one row, as table cells ("—" where hidden or not computable;
 * a missing interval says so in words, as the definition promises for very few children).
 */
export function SummaryCells({ row }: { row: TMeasurementRow }) {
  const { t, i18n } = useTranslation('measurement');
  const lng = i18n.language;
  const s = row.summary;
  if (!s) {
    return (
      <>
        <Table.Td>—</Table.Td>
        <Table.Td>
          <SuppressedNote suppressed={row.suppressed} />
        </Table.Td>
        <Table.Td>—</Table.Td>
        <Table.Td>—</Table.Td>
      </>
    );
  }
  return (
    <>
      <Table.Td className="measurement-num">{formatCount(s.n, lng)}</Table.Td>
      <Table.Td className="measurement-num" fw={700}>
        {formatShare(s.mean, lng)}
      </Table.Td>
      <Table.Td className="measurement-num">
        {s.ci95 ? (
          formatInterval(s.ci95, lng)
        ) : (
          <Text component="span" size="xs" c="dimmed">
            {t('interval.notAvailable')}
          </Text>
        )}
      </Table.Td>
      <Table.Td className="measurement-num">{formatShare(s.coverage, lng, 0)}</Table.Td>
    </>
  );
}

/** The change against the baseline, and "signifikant" only where the intervals say so. */
export function ChangeCell({ row }: { row: TMeasurementRow }) {
  const { t, i18n } = useTranslation('measurement');
  const change = row.change;
  if (!row.summary || !change || change.delta === null) {
    return (
      <Table.Td>
        {row.summary && row.baseline === null ? (
          <Text component="span" size="xs" c="dimmed">
            {t('change.noBaseline')}
          </Text>
        ) : (
          '—'
        )}
      </Table.Td>
    );
  }
  return (
    <Table.Td>
      <span className="measurement-num">
        {t('change.points', { value: formatPoints(change.delta, i18n.language) })}
      </span>{' '}
      {change.significant ? (
        <Badge color="blue" variant="filled" size="sm" radius="sm">
          {t('change.significant')}
        </Badge>
      ) : (
        <Text component="span" size="xs" c="dimmed">
          {t('change.notSignificant')}
        </Text>
      )}
    </Table.Td>
  );
}

import { Checkbox, Group, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import { SummaryHeadings } from './figure-table';
import { SummaryCells } from './figures';
import { formatPeriod } from './format';
import { ChartLegend, TrendChart, type TTrendSeries } from './trend-chart';
import type { TDefinition, TMeasurementRow } from './types';

export interface TThemeOption {
  code: string;
  label: string;
  color: string;
  dash: string;
}

interface TTrendSectionProps {
  rows: TMeasurementRow[];
  periods: string[];
  themes: TThemeOption[];
  selected: string[];
  onSelectedChange: (codes: string[]) => void;
  definition: TDefinition;
}

/** Trend per theme: the chart, its key, the hidden points, and the same figures as a table. */
export function TrendSection({
  rows,
  periods,
  themes,
  selected,
  onSelectedChange,
  definition,
}: TTrendSectionProps) {
  const { t, i18n } = useTranslation('measurement');
  const lng = i18n.language;
  const headingId = useId();
  const shown = themes.filter((theme) => selected.includes(theme.code));
  const at = new Map(rows.map((r) => [`${r.keys.theme}|${r.keys.period}`, r]));

  const series: TTrendSeries[] = shown.map((theme) => ({
    key: theme.code,
    label: theme.label,
    color: theme.color,
    dash: theme.dash,
    points: new Map(
      periods.map((p) => {
        const s = at.get(`${theme.code}|${p}`)?.summary;
        return [p, { mean: s?.mean ?? null, ci95: s?.ci95 ?? null }];
      }),
    ),
  }));

  const hidden = shown.flatMap((theme) =>
    periods
      .map((p) => at.get(`${theme.code}|${p}`))
      .filter((r): r is TMeasurementRow => Boolean(r?.suppressed))
      .map((r) => `${theme.label}, ${formatPeriod(r.keys.period ?? '', lng)}`),
  );
  const tableRows = shown.flatMap((theme) =>
    periods.flatMap((p) => {
      const row = at.get(`${theme.code}|${p}`);
      return row ? [{ theme, period: p, row }] : [];
    }),
  );

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="xs">
        {t('trend.title')}
      </Title>
      <Text mb="sm">{t('trend.intro')}</Text>
      <Checkbox.Group label={t('trend.themes')} value={selected} onChange={onSelectedChange} mb="sm">
        <Group gap="md" mt={4}>
          {themes.map((theme) => (
            <Checkbox key={theme.code} value={theme.code} label={theme.label} />
          ))}
        </Group>
      </Checkbox.Group>
      {shown.length === 0 ? (
        <Text>{t('trend.noThemes')}</Text>
      ) : (
        <>
          <figure className="measurement-figure">
            <TrendChart
              periods={periods}
              series={series}
              title={t('trend.chartTitle')}
              description={t('trend.chartDescription', {
                themes: shown.map((s) => s.label).join(', '),
                from: formatPeriod(periods[0] ?? '', lng),
                to: formatPeriod(periods[periods.length - 1] ?? '', lng),
              })}
            />
            <figcaption>
              <ChartLegend series={series} />
              <Text size="sm">{t('trend.band')}</Text>
            </figcaption>
          </figure>
          {hidden.length > 0 ? (
            <Text size="sm" mt="xs" data-testid="trend-hidden">
              {t('trend.hidden', { points: hidden.join('; ') })}
            </Text>
          ) : null}
          <ScrollTable>
            <Table striped captionSide="top" fz="sm" mt="md" className="measurement-table">
              <Table.Caption>{t('trend.caption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('columns.theme')}</Table.Th>
                  <Table.Th scope="col">{t('columns.period')}</Table.Th>
                  <SummaryHeadings definition={definition} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tableRows.map(({ theme, period, row }) => (
                  <Table.Tr key={`${theme.code}|${period}`}>
                    <Table.Th scope="row" fw={400}>
                      {theme.label}
                    </Table.Th>
                    <Table.Td>{formatPeriod(period, lng)}</Table.Td>
                    <SummaryCells row={row} />
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </>
      )}
    </section>
  );
}

import { Group, NativeSelect, Radio, Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import { ExportButtons } from './export-buttons';
import { FigureHeading, SummaryHeadings } from './figure-table';
import { ChangeCell, SummaryCells } from './figures';
import { formatPeriod } from './format';
import type { TThemeOption } from './trend-section';
import type { TCompareBy, TDefinition, TMeasurementParams, TMeasurementRow } from './types';

interface TComparisonSectionProps {
  rows: TMeasurementRow[] | undefined;
  loading: boolean;
  compareBy: TCompareBy;
  onCompareByChange: (by: TCompareBy) => void;
  /** Leaders compare their own units only; districts are for those who see the whole municipality. */
  canCompareDistricts: boolean;
  themes: TThemeOption[];
  theme: string;
  onThemeChange: (code: string) => void;
  period: string;
  baseline: string | undefined;
  exportParams: TMeasurementParams;
  definition: TDefinition;
}

/** Units or districts side by side for one theme in the latest period, with the change since the baseline. */
export function ComparisonSection(props: TComparisonSectionProps) {
  const { rows, compareBy, canCompareDistricts, themes, theme, period, baseline, definition } = props;
  const { t, i18n } = useTranslation('measurement');
  const lng = i18n.language;
  const headingId = useId();
  const themeLabel = themes.find((x) => x.code === theme)?.label ?? theme;
  // Rows kept on screen while the next grouping loads are another grouping's: never shown under this one.
  const sorted = (rows ?? [])
    .filter((row) => compareBy in row.keys)
    .sort((a, b) =>
      (a.labels[compareBy] ?? '').localeCompare(b.labels[compareBy] ?? '', lng === 'en' ? 'en' : 'da'),
    );

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="xs">
        {t('comparison.title')}
      </Title>
      <Group align="flex-end" gap="lg" mb="sm">
        {canCompareDistricts ? (
          <Radio.Group
            label={t('comparison.by')}
            value={compareBy}
            onChange={(v) => props.onCompareByChange(v === 'district' ? 'district' : 'unit')}
          >
            <Group gap="md" mt={4}>
              <Radio value="unit" label={t('comparison.units')} />
              <Radio value="district" label={t('comparison.districts')} />
            </Group>
          </Radio.Group>
        ) : null}
        <NativeSelect
          label={t('comparison.theme')}
          value={theme}
          onChange={(e) => props.onThemeChange(e.currentTarget.value)}
          data={themes.map((x) => ({ value: x.code, label: x.label }))}
          miw={240}
        />
      </Group>
      {sorted.length === 0 ? (
        <Text>{props.loading ? t('status.loading') : t('comparison.empty')}</Text>
      ) : (
        <ScrollTable>
          <Table
            striped
            captionSide="top"
            fz="sm"
            className="measurement-table"
            data-testid="comparison-table"
          >
            <Table.Caption>
              {t(compareBy === 'district' ? 'comparison.captionDistricts' : 'comparison.captionUnits', {
                theme: themeLabel,
                period: formatPeriod(period, lng),
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">
                  {compareBy === 'district' ? t('columns.district') : t('columns.unit')}
                </Table.Th>
                <SummaryHeadings definition={definition} />
                {baseline ? (
                  <FigureHeading definition={definition} term="significance">
                    {t('columns.change', { baseline: formatPeriod(baseline, lng) })}
                  </FigureHeading>
                ) : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sorted.map((row) => (
                <Table.Tr key={`${compareBy}:${row.keys[compareBy] ?? 'none'}`}>
                  <Table.Th scope="row" fw={400}>
                    {row.labels[compareBy] ?? t('comparison.noDistrict')}
                  </Table.Th>
                  <SummaryCells row={row} />
                  {baseline ? <ChangeCell row={row} /> : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      <ExportButtons params={props.exportParams} label={t('comparison.exportLabel')} />
    </section>
  );
}

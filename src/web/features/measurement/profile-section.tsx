import { Table, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollTable } from '../../components/scroll-table';
import { SummaryHeadings } from './figure-table';
import { SummaryCells, SuppressedNote } from './figures';
import { formatPeriod, formatShare } from './format';
import type { TThemeOption } from './trend-section';
import type { TDefinition, TMeasurementRow } from './types';

interface TProfileSeries {
  key: 'population' | 'reference';
  label: string;
  rows: TMeasurementRow[];
}

interface TProfileSectionProps {
  themes: TThemeOption[];
  period: string;
  population: TProfileSeries;
  /** The whole municipality (or, for a leader, all their units); left out when the population is that already. */
  reference: TProfileSeries | null;
  definition: TDefinition;
  /** Whether choosing a district or unit would add a comparison (not for a leader of one unit). */
  canNarrow: boolean;
}

const pct = (v: number) => `${(Math.min(1, Math.max(0, v)) * 100).toFixed(2)}%`;

/** Theme profile for the latest period: a bar per theme with its 95 % interval, against the reference. */
export function ProfileSection({
  themes,
  period,
  population,
  reference,
  definition,
  canNarrow,
}: TProfileSectionProps) {
  const { t, i18n } = useTranslation('measurement');
  const lng = i18n.language;
  const headingId = useId();
  const series = reference ? [population, reference] : [population];
  const byTheme = series.map((s) => new Map(s.rows.map((r) => [r.keys.theme ?? '', r])));

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="xs">
        {t('profile.title')}
      </Title>
      <Text mb="sm">
        {reference
          ? t('profile.intro', {
              period: formatPeriod(period, lng),
              population: population.label,
              reference: reference.label,
            })
          : t('profile.introSingle', { period: formatPeriod(period, lng), population: population.label })}
        {!reference && canNarrow ? ` ${t('profile.narrowHint')}` : ''}
      </Text>
      <figure className="measurement-figure">
        <div
          role="img"
          aria-label={t('profile.chartLabel', { period: formatPeriod(period, lng) })}
          className="measurement-profile"
        >
          {themes.map((theme) => (
            <div key={theme.code} className="measurement-profile-row">
              <span className="measurement-profile-label">{theme.label}</span>
              <div className="measurement-profile-bars">
                {series.map((s, i) => {
                  const row = byTheme[i]?.get(theme.code);
                  const summary = row?.summary;
                  return (
                    <div key={s.key} className="measurement-profile-track" data-series={s.key}>
                      {summary && summary.mean !== null ? (
                        <>
                          <div className="measurement-profile-bar" style={{ width: pct(summary.mean) }} />
                          {summary.ci95 ? (
                            <div
                              className="measurement-profile-whisker"
                              style={{
                                left: pct(summary.ci95[0]),
                                width: `calc(${pct(summary.ci95[1])} - ${pct(summary.ci95[0])})`,
                              }}
                            />
                          ) : null}
                          <span
                            className="measurement-profile-value"
                            style={{ left: `calc(${pct(summary.ci95?.[1] ?? summary.mean)} + 0.4rem)` }}
                          >
                            {formatShare(summary.mean, lng)}
                          </span>
                        </>
                      ) : (
                        <span className="measurement-profile-note">
                          {row ? <SuppressedNote suppressed={row.suppressed} /> : '—'}
                        </span>
                      )}
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
          <div className="measurement-profile-row" aria-hidden="true">
            <span />
            <div className="measurement-profile-axis">
              {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
                <span key={tick} style={{ left: pct(tick) }}>
                  {formatShare(tick, lng, 0)}
                </span>
              ))}
            </div>
          </div>
        </div>
        <figcaption>
          <ul className="measurement-legend">
            {series.map((s) => (
              <li key={s.key}>
                <span className="measurement-swatch" data-series={s.key} aria-hidden="true" />
                {s.label}
              </li>
            ))}
          </ul>
          <Text size="sm">{t('profile.whisker')}</Text>
        </figcaption>
      </figure>
      <ScrollTable>
        <Table striped captionSide="top" fz="sm" mt="md" className="measurement-table">
          <Table.Caption>{t('profile.caption', { period: formatPeriod(period, lng) })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('columns.theme')}</Table.Th>
              <Table.Th scope="col">{t('columns.group')}</Table.Th>
              <SummaryHeadings definition={definition} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {themes.flatMap((theme) =>
              series.map((s, i) => {
                const row = byTheme[i]?.get(theme.code);
                return (
                  <Table.Tr key={`${theme.code}|${s.key}`}>
                    <Table.Th scope="row" fw={400}>
                      {theme.label}
                    </Table.Th>
                    <Table.Td>{s.label}</Table.Td>
                    {row ? (
                      <SummaryCells row={row} />
                    ) : (
                      <Table.Td colSpan={4}>{t('profile.noFigures')}</Table.Td>
                    )}
                  </Table.Tr>
                );
              }),
            )}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

import { Text, Title } from '@mantine/core';
import { type CSSProperties, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPracticeCell } from '../../../domain/practice/practice-figures';
import { formatPeriod, formatShare } from '../measurement/format';
import { daysAxis } from './days-axis';
import { figureOf, isTiming, type TPracticeChart, useFigureText } from './figures';

interface TPracticeChartProps {
  chart: TPracticeChart;
  /** The cells by period, in order, each period's total last. */
  periods: { period: string; cells: TPracticeCell[] }[];
  groupLabel: (cell: TPracticeCell) => string;
}

const pct = (v: number) => `${(Math.min(1, Math.max(0, v)) * 100).toFixed(2)}%`;

/**
 * One practice figure for every group and period as dots on a common scale, a share's 95 % interval as a
 * whisker around its dot. Each row also says its figure in words (value, interval, n, or why it is hidden),
 * so the chart reads out as a list; the drawing itself is hidden from screen readers.
 */
export function PracticeChart({ chart, periods, groupLabel }: TPracticeChartProps) {
  const { t, i18n } = useTranslation('practice');
  const lng = i18n.language;
  const headingId = useId();
  const text = useFigureText();
  const timing = isTiming(chart);
  const days = daysAxis(
    timing ? periods.flatMap((p) => p.cells.map((c) => figureOf(c, chart).value ?? 0)) : [],
  );
  const scale = (v: number) => (timing ? v / days.max : v);
  const ticks = timing ? days.ticks : [0, 0.25, 0.5, 0.75, 1];
  const tickText = (tick: number) =>
    timing ? new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'da-DK').format(tick) : formatShare(tick, lng, 0);

  return (
    <section
      aria-labelledby={headingId}
      className="practice-chart"
      // The track's grid lines fall on the axis ticks.
      style={{ '--practice-step': pct(1 / (ticks.length - 1)) } as CSSProperties}
    >
      <Title order={2} size="h4" id={headingId}>
        {t(`charts.${chart}`)}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {timing ? t('chartNoteDays') : t('chartNoteShare')}
      </Text>
      <div className="practice-axis" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick} style={{ left: pct(scale(tick)) }}>
            {tickText(tick)}
          </span>
        ))}
      </div>
      <ul className="practice-periods">
        {periods.map(({ period, cells }) => (
          <li key={period}>
            <span className="practice-period">{formatPeriod(period, lng)}</span>
            <ul className="practice-rows">
              {cells.map((cell) => {
                const figure = figureOf(cell, chart);
                return (
                  <li
                    key={`${cell.group}`}
                    className="practice-row"
                    data-total={cell.group === null || undefined}
                  >
                    <span className="practice-label">{groupLabel(cell)}</span>
                    <span className="practice-track" aria-hidden="true">
                      {figure.ci ? (
                        <span
                          className="practice-whisker"
                          style={{
                            left: pct(figure.ci[0]),
                            width: `calc(${pct(figure.ci[1])} - ${pct(figure.ci[0])})`,
                          }}
                        />
                      ) : null}
                      {figure.value !== null && !figure.hidden ? (
                        <span className="practice-dot" style={{ left: pct(scale(figure.value)) }} />
                      ) : null}
                    </span>
                    <span className="practice-value">
                      <span className="visually-hidden">{': '}</span>
                      {text(chart, figure)}
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}

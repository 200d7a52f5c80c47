import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatShare } from './format';
import { shareAxis } from './share-axis';

export interface TTrendPoint {
  mean: number | null;
  ci95: readonly [number, number] | null;
}

export interface TTrendSeries {
  key: string;
  label: string;
  color: string;
  dash: string;
  /** By period; a missing or null mean (a hidden cell) leaves a gap in the line. */
  points: Map<string, TTrendPoint>;
}

interface TTrendChartProps {
  periods: string[];
  series: TTrendSeries[];
  /** Read out instead of the drawing; the figures themselves are in the table beside it. */
  title: string;
  description: string;
}

const W = 720;
const H = 300;
const M = { top: 16, right: 16, bottom: 40, left: 56 };
const PLOT_W = W - M.left - M.right;
const PLOT_H = H - M.top - M.bottom;

/** Consecutive periods where `has` holds, as runs of indices (a hidden period breaks the run). */
function runs(periods: string[], has: (period: string) => boolean): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  periods.forEach((p, i) => {
    if (has(p)) current.push(i);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  });
  if (current.length) out.push(current);
  return out;
}

/** Mean protective share per period, one line per theme, the 95 % interval as a band around it. */
export function TrendChart({ periods, series, title, description }: TTrendChartProps) {
  const { i18n } = useTranslation('measurement');
  const lng = i18n.language;
  const titleId = useId();
  const descId = useId();
  const x = (i: number) => M.left + ((i + 0.5) * PLOT_W) / Math.max(1, periods.length);
  // The axis fits what is drawn: every shown mean and interval end.
  const axis = shareAxis(
    series.flatMap((s) =>
      [...s.points.values()].flatMap((p) => [...(p.mean === null ? [] : [p.mean]), ...(p.ci95 ?? [])]),
    ),
  );
  const y = (v: number) =>
    M.top + (1 - (Math.min(axis.max, Math.max(axis.min, v)) - axis.min) / (axis.max - axis.min)) * PLOT_H;

  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="measurement-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g className="measurement-grid" data-testid="trend-axis">
        {axis.ticks.map((tick) => (
          <g key={tick}>
            <line x1={M.left} x2={W - M.right} y1={y(tick)} y2={y(tick)} />
            <text x={M.left - 8} y={y(tick)} dy="0.32em" textAnchor="end" data-tick={tick}>
              {formatShare(tick, lng, 0)}
            </text>
          </g>
        ))}
        {periods.map((p, i) => (
          <text key={p} x={x(i)} y={H - M.bottom + 22} textAnchor="middle">
            {formatPeriod(p, lng)}
          </text>
        ))}
      </g>
      {series.map((s, index) => {
        // Lone intervals of several themes in one period are spread a little so each stays visible.
        const dodge = (index - (series.length - 1) / 2) * 4;
        const withMean = runs(periods, (p) => typeof s.points.get(p)?.mean === 'number');
        const withCi = runs(periods, (p) => Boolean(s.points.get(p)?.ci95));
        return (
          <g key={s.key}>
            {withCi.map((run) => {
              const upper = run.map((i) => `${x(i)},${y(s.points.get(periods[i] ?? '')?.ci95?.[1] ?? 0)}`);
              const lower = [...run]
                .reverse()
                .map((i) => `${x(i)},${y(s.points.get(periods[i] ?? '')?.ci95?.[0] ?? 0)}`);
              // A single period has no width to fill: its interval is drawn as a whisker.
              if (run.length === 1) {
                const i = run[0] ?? 0;
                const ci = s.points.get(periods[i] ?? '')?.ci95;
                return ci ? (
                  <line
                    key={`ci-${i}`}
                    x1={x(i) + dodge}
                    x2={x(i) + dodge}
                    y1={y(ci[0])}
                    y2={y(ci[1])}
                    stroke={s.color}
                    strokeOpacity={0.45}
                    strokeWidth={3}
                  />
                ) : null;
              }
              return (
                <polygon
                  key={`band-${run[0]}`}
                  points={[...upper, ...lower].join(' ')}
                  fill={s.color}
                  fillOpacity={0.1}
                />
              );
            })}
            {withMean.map((run) => (
              <polyline
                key={`line-${run[0]}`}
                points={run.map((i) => `${x(i)},${y(s.points.get(periods[i] ?? '')?.mean ?? 0)}`).join(' ')}
                fill="none"
                stroke={s.color}
                strokeWidth={2.5}
                strokeDasharray={s.dash || undefined}
              />
            ))}
            {withMean.flatMap((run) =>
              run.map((i) => (
                <circle
                  key={`pt-${i}`}
                  cx={x(i) + (run.length === 1 ? dodge : 0)}
                  cy={y(s.points.get(periods[i] ?? '')?.mean ?? 0)}
                  r={4}
                  fill="#fff"
                  stroke={s.color}
                  strokeWidth={2}
                />
              )),
            )}
          </g>
        );
      })}
    </svg>
  );
}

/** The key to the lines: colour and dash pattern beside each theme's name. */
export function ChartLegend({
  series,
}: {
  series: Pick<TTrendSeries, 'key' | 'label' | 'color' | 'dash'>[];
}) {
  return (
    <ul className="measurement-legend">
      {series.map((s) => (
        <li key={s.key}>
          <svg width="36" height="12" aria-hidden="true" focusable="false">
            <line
              x1="2"
              x2="34"
              y1="6"
              y2="6"
              stroke={s.color}
              strokeWidth="3"
              strokeDasharray={s.dash || undefined}
            />
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}

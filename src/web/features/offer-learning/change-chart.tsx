import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLearningCell } from '../../../shared/schemas/offer-learning';
import { formatPoints } from '../measurement/format';

export interface TChangeRow {
  key: string;
  label: string;
  starters: TLearningCell;
  reference: TLearningCell;
}

interface TChangeChartProps {
  rows: TChangeRow[];
  /** Read out instead of the drawing; the figures are in the table that follows it. */
  title: string;
  description: string;
}

const W = 720;
const ROW = 34;
const M = { top: 12, right: 24, bottom: 36, left: 220 };
export const STARTERS_COLOR = '#1864ab';
export const REFERENCE_COLOR = '#c92a2a';

/** The widest change or bound shown, rounded up to a quarter (25 points), at least a quarter. */
function scaleOf(rows: TChangeRow[]): number {
  let max = 0.25;
  for (const r of rows)
    for (const c of [r.starters, r.reference])
      if (!c.hidden)
        for (const v of [c.meanChange, ...(c.ci95 ?? [])]) if (v !== null) max = Math.max(max, Math.abs(v));
  return Math.min(1, Math.ceil(max * 4) / 4);
}

/** Mean change with its 95 % interval per measure: children who started (circle) against the comparison (square). */
export function ChangeChart({ rows, title, description }: TChangeChartProps) {
  const { i18n } = useTranslation('planning');
  const lng = i18n.language;
  const titleId = useId();
  const descId = useId();
  const H = M.top + rows.length * ROW + M.bottom;
  const scale = scaleOf(rows);
  const ticks = [-scale, -scale / 2, 0, scale / 2, scale];
  const x = (v: number) => M.left + ((v + scale) / (2 * scale)) * (W - M.left - M.right);
  const y = (i: number) => M.top + i * ROW + ROW / 2;
  const mark = (cell: TLearningCell, cy: number, color: string, square: boolean) => {
    if (cell.hidden || cell.meanChange === null) return null;
    const cx = x(cell.meanChange);
    return (
      <g>
        {cell.ci95 ? (
          <line x1={x(cell.ci95[0])} x2={x(cell.ci95[1])} y1={cy} y2={cy} stroke={color} strokeWidth={2} />
        ) : null}
        {square ? (
          <rect x={cx - 5} y={cy - 5} width={10} height={10} fill="#fff" stroke={color} strokeWidth={2} />
        ) : (
          <circle cx={cx} cy={cy} r={5.5} fill={color} />
        )}
      </g>
    );
  };
  return (
    <svg
      viewBox={`0 0 ${W} ${H}`}
      className="measurement-chart"
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{description}</desc>
      <g className="measurement-grid">
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={x(tick)}
              x2={x(tick)}
              y1={M.top}
              y2={H - M.bottom}
              strokeDasharray={tick === 0 ? '' : '3 3'}
            />
            <text x={x(tick)} y={H - M.bottom + 20} textAnchor="middle">
              {formatPoints(tick, lng)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <text key={r.key} x={M.left - 10} y={y(i)} dy="0.32em" textAnchor="end">
            {r.label.length > 30 ? `${r.label.slice(0, 29)}…` : r.label}
          </text>
        ))}
      </g>
      {rows.map((r, i) => (
        <g key={r.key}>
          {mark(r.starters, y(i) - 6, STARTERS_COLOR, false)}
          {mark(r.reference, y(i) + 6, REFERENCE_COLOR, true)}
        </g>
      ))}
    </svg>
  );
}

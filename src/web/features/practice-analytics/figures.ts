import { useTranslation } from 'react-i18next';
import type {
  THiddenBecause,
  TPracticeCell,
  TShareInterval,
} from '../../../domain/practice/practice-figures';
import { formatInterval, formatShare } from '../measurement/format';

export const TIMING_CHARTS = ['toAction', 'toMeeting', 'toNotification'] as const;
export const SHARE_CHARTS = ['actions', 'followUps', 'helped'] as const;
export type TTimingChart = (typeof TIMING_CHARTS)[number];
export type TShareChart = (typeof SHARE_CHARTS)[number];
export type TPracticeChart = TTimingChart | TShareChart;

/** One figure of a cell as the server gave it: its value, the n behind it, its interval, why it is hidden. */
export interface TFigure {
  value: number | null;
  n: number | null;
  ci: TShareInterval | null;
  hidden: THiddenBecause | undefined;
}

export const isTiming = (chart: TPracticeChart): chart is TTimingChart =>
  (TIMING_CHARTS as readonly string[]).includes(chart);

export function figureOf(cell: TPracticeCell, chart: TPracticeChart): TFigure {
  if (isTiming(chart)) {
    const timing = cell.concerns[chart];
    return { value: timing.medianDays, n: timing.reached, ci: null, hidden: cell.hidden[chart] };
  }
  if (chart === 'helped') {
    const held = cell.followUps.held;
    const yes = cell.helped.yes;
    return {
      value: yes === null || !held ? null : yes / held,
      n: held,
      ci: cell.ci95.helped,
      hidden: cell.hidden.yes,
    };
  }
  const part = cell[chart];
  return { value: part.share, n: part.n, ci: cell.ci95[chart], hidden: cell.hidden[chart] };
}

/** A figure in words, the same in the chart and in the table: value, interval and n, or why there is none. */
export function useFigureText(): (chart: TPracticeChart, figure: TFigure) => string {
  const { t, i18n } = useTranslation('practice');
  const lng = i18n.language;
  const whole = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'da-DK');
  const days = new Intl.NumberFormat(lng === 'en' ? 'en-GB' : 'da-DK', { maximumFractionDigits: 1 });
  return (chart, { value, n, ci, hidden }) => {
    if (hidden) return t(`hidden.${hidden}`);
    if (value === null) return isTiming(chart) && n === 0 ? t('noneReached') : t('noCases');
    const count = whole.format(n ?? 0);
    if (isTiming(chart)) return t('daysValue', { days: days.format(value), n: count });
    return t('shareValue', { share: formatShare(value, lng, 0), ci: formatInterval(ci, lng), n: count });
  };
}

import type { TPracticeCell } from '../../../domain/practice/practice-figures.ts';
import { defineUseCase } from '../../http/use-case.ts';
import { type TColumn, toXlsx } from '../exports/tabular.ts';
import { getPracticeAnalytics, type TPracticeQuery } from './get-practice-analytics.ts';

const HEADERS = {
  da: {
    sheet: 'Praksis',
    period: 'Periode',
    group: 'Gruppe',
    total: 'I alt',
    concerns: 'Forløb (første bekymring)',
    toAction: 'Median dage til første handling',
    toMeeting: 'Median dage til møde',
    toNotification: 'Median dage til underretning',
    actions: 'Handlinger afgjort',
    onTime: 'Andel til tiden',
    onTimeLo: 'Andel til tiden, 95 %-interval fra',
    onTimeHi: 'Andel til tiden, 95 %-interval til',
    followUps: 'Opfølgninger planlagt',
    held: 'Andel afholdt',
    heldLo: 'Andel afholdt, 95 %-interval fra',
    heldHi: 'Andel afholdt, 95 %-interval til',
    yes: 'Hjalp: ja',
    partly: 'Hjalp: delvist',
    no: 'Hjalp: nej',
  },
  en: {
    sheet: 'Practice',
    period: 'Period',
    group: 'Group',
    total: 'Total',
    concerns: 'Episodes (first concern)',
    toAction: 'Median days to first action',
    toMeeting: 'Median days to meeting',
    toNotification: 'Median days to notification',
    actions: 'Actions decided',
    onTime: 'Share on time',
    onTimeLo: 'Share on time, 95 % interval from',
    onTimeHi: 'Share on time, 95 % interval to',
    followUps: 'Follow-ups due',
    held: 'Share held',
    heldLo: 'Share held, 95 % interval from',
    heldHi: 'Share held, 95 % interval to',
    yes: 'Helped: yes',
    partly: 'Helped: partly',
    no: 'Helped: no',
  },
} as const;

/** The same figures as the screen, as an XLSX workbook; hidden cells stay empty. */
export const exportPracticeAnalytics = defineUseCase(
  getPracticeAnalytics.permission,
  async (ctx, query: TPracticeQuery): Promise<Buffer> => {
    const data = await getPracticeAnalytics(ctx, query);
    const h = HEADERS[ctx.locale];
    const columns: TColumn<TPracticeCell>[] = [
      { header: h.period, value: (c) => c.period },
      { header: h.group, value: (c) => c.group ?? h.total },
      { header: h.concerns, value: (c) => c.concerns.n },
      { header: h.toAction, value: (c) => c.concerns.toAction.medianDays },
      { header: h.toMeeting, value: (c) => c.concerns.toMeeting.medianDays },
      { header: h.toNotification, value: (c) => c.concerns.toNotification.medianDays },
      { header: h.actions, value: (c) => c.actions.n },
      { header: h.onTime, value: (c) => c.actions.share },
      { header: h.onTimeLo, value: (c) => c.ci95.actions?.[0] ?? null },
      { header: h.onTimeHi, value: (c) => c.ci95.actions?.[1] ?? null },
      { header: h.followUps, value: (c) => c.followUps.n },
      { header: h.held, value: (c) => c.followUps.share },
      { header: h.heldLo, value: (c) => c.ci95.followUps?.[0] ?? null },
      { header: h.heldHi, value: (c) => c.ci95.followUps?.[1] ?? null },
      { header: h.yes, value: (c) => c.helped.yes },
      { header: h.partly, value: (c) => c.helped.partly },
      { header: h.no, value: (c) => c.helped.no },
    ];
    return toXlsx(h.sheet, columns, data.cells);
  },
);

import { Anchor, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPracticeCell } from '../../../domain/practice/practice-figures';
import type { TPracticeAnalytics as TPractice } from '../../../shared/schemas/practice-views';
import { api, withQuery } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { SHARE_CHARTS, TIMING_CHARTS } from './figures';
import { PracticeChart } from './practice-chart';
import { PracticeTable } from './practice-table';
import './practice.css';

export function PracticeGate() {
  const me = useMe();
  const { t } = useTranslation();
  if (can(me, 'read:practice:unit') || can(me, 'read:practice:municipality')) return <PracticePage />;
  return <Title order={1}>{t('forbidden.title')}</Title>;
}

/** The cells by period, in the server's order (each period's groups, then its total). */
function byPeriod(cells: readonly TPracticeCell[]): { period: string; cells: TPracticeCell[] }[] {
  const periods = new Map<string, TPracticeCell[]>();
  for (const cell of cells) periods.set(cell.period, [...(periods.get(cell.period) ?? []), cell]);
  return [...periods].map(([period, inPeriod]) => ({ period, cells: inPeriod }));
}

function PracticePage() {
  const { t, i18n } = useTranslation('practice');
  usePageTitle(t('title'));
  const [groupBy, setGroupBy] = useState<'unit' | 'profession'>('unit');
  const [period, setPeriod] = useState<'quarter' | 'half' | 'year'>('quarter');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = { groupBy, period, from: from || undefined, to: to || undefined };
  const data = useQuery({
    queryKey: ['practice', query],
    queryFn: () => api.get<TPractice>('/api/v1/practice-analytics', query),
    placeholderData: keepPreviousData,
  });
  const periods = byPeriod(data.data?.cells ?? []);
  const group = (c: TPracticeCell) =>
    c.group === null
      ? t('total')
      : groupBy === 'profession'
        ? t(`profession.${c.group}`, { defaultValue: c.group })
        : c.group;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group align="flex-end">
        <NativeSelect
          label={t('groupBy')}
          value={groupBy}
          onChange={(e) => setGroupBy(e.currentTarget.value as 'unit' | 'profession')}
          data={[
            { value: 'unit', label: t('byUnit') },
            { value: 'profession', label: t('byProfession') },
          ]}
        />
        <NativeSelect
          label={t('periodKind')}
          value={period}
          onChange={(e) => setPeriod(e.currentTarget.value as 'quarter' | 'half' | 'year')}
          data={[
            { value: 'quarter', label: t('quarter') },
            { value: 'half', label: t('half') },
            { value: 'year', label: t('year') },
          ]}
        />
        <TextInput
          type="date"
          label={t('from')}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          error={fieldError(data.error, 'from')}
        />
        <TextInput
          type="date"
          label={t('to')}
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={fieldError(data.error, 'to')}
        />
        <Anchor href={withQuery('/api/v1/practice-analytics.xlsx', query)} download>
          {t('export')}
        </Anchor>
      </Group>
      {data.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={data.error} />
      {data.data ? (
        <>
          <Text size="sm">
            {t(`scope.${data.data.scope}`)} {t('suppressed')}
          </Text>
          <Text size="sm">
            {t('wholePeriods', {
              from: formatDate(data.data.from, i18n.language),
              to: formatDate(data.data.to, i18n.language),
            })}
          </Text>
          {periods.length > 0 ? (
            <section aria-label={t('figuresRegion')}>
              <Stack gap="xl">
                {[...TIMING_CHARTS, ...SHARE_CHARTS].map((chart) => (
                  <PracticeChart key={chart} chart={chart} periods={periods} groupLabel={group} />
                ))}
              </Stack>
            </section>
          ) : null}
          <details className="practice-table">
            <summary>{t('tableSummary')}</summary>
            <PracticeTable cells={data.data.cells} groupBy={groupBy} groupLabel={group} />
          </details>
          {data.data.cells.length === 0 ? <Text>{t('none')}</Text> : null}
        </>
      ) : null}
    </Stack>
  );
}

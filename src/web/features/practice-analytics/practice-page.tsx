import { Anchor, Group, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
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
import { ScrollTable } from '../../components/scroll-table';
import { can, useMe } from '../auth/session';
import { formatPeriod } from '../measurement/format';

export function PracticeGate() {
  const me = useMe();
  const { t } = useTranslation();
  if (can(me, 'read:practice:unit') || can(me, 'read:practice:municipality')) return <PracticePage />;
  return <Title order={1}>{t('forbidden.title')}</Title>;
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
  const number = (v: number | null, digits = 1) =>
    v === null
      ? '–'
      : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', {
          maximumFractionDigits: digits,
        }).format(v);
  const pct = (v: number | null) =>
    v === null
      ? '–'
      : new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'da-DK', { style: 'percent' }).format(v);
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
          {/* A region the keyboard can scroll: the wide table overflows on small screens (WCAG 2.1.1). */}
          {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
          <section aria-label={t('tableRegion')} tabIndex={0} style={{ overflowX: 'auto' }}>
            <ScrollTable>
              <Table aria-label={t('title')} striped miw={1100}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('period')}</Table.Th>
                    <Table.Th scope="col">{groupBy === 'unit' ? t('unit') : t('professionHeading')}</Table.Th>
                    <Table.Th scope="col">{t('episodes')}</Table.Th>
                    <Table.Th scope="col">{t('toAction')}</Table.Th>
                    <Table.Th scope="col">{t('toMeeting')}</Table.Th>
                    <Table.Th scope="col">{t('toNotification')}</Table.Th>
                    <Table.Th scope="col">{t('actionsOnTime')}</Table.Th>
                    <Table.Th scope="col">{t('followUpsHeld')}</Table.Th>
                    <Table.Th scope="col">{t('helped')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.data.cells.map((c) => (
                    <Table.Tr key={`${c.period}:${c.group}`} fw={c.group === null ? 700 : undefined}>
                      <Table.Td>{formatPeriod(c.period, i18n.language)}</Table.Td>
                      <Table.Th scope="row" fw={c.group === null ? 700 : 400}>
                        {group(c)}
                      </Table.Th>
                      <Table.Td>{number(c.concerns.n, 0)}</Table.Td>
                      <Table.Td>
                        {t('days', {
                          days: number(c.concerns.toAction.medianDays),
                          n: number(c.concerns.toAction.reached, 0),
                        })}
                      </Table.Td>
                      <Table.Td>
                        {t('days', {
                          days: number(c.concerns.toMeeting.medianDays),
                          n: number(c.concerns.toMeeting.reached, 0),
                        })}
                      </Table.Td>
                      <Table.Td>
                        {t('days', {
                          days: number(c.concerns.toNotification.medianDays),
                          n: number(c.concerns.toNotification.reached, 0),
                        })}
                      </Table.Td>
                      <Table.Td>
                        {t('share', { share: pct(c.actions.share), n: number(c.actions.n, 0) })}
                      </Table.Td>
                      <Table.Td>
                        {t('share', { share: pct(c.followUps.share), n: number(c.followUps.n, 0) })}
                      </Table.Td>
                      <Table.Td>
                        {t('helpedCells', {
                          yes: number(c.helped.yes, 0),
                          partly: number(c.helped.partly, 0),
                          no: number(c.helped.no, 0),
                        })}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </section>
          {data.data.cells.length === 0 ? <Text>{t('none')}</Text> : null}
        </>
      ) : null}
    </Stack>
  );
}

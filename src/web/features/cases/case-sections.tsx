import { List, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TCase } from '../../../shared/schemas/cases';
import { formatDate, formatDateTime } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { TitledSection } from '../../components/titled-section';
import { DeadlineBadge } from './deadline-badge';

export function DeadlinesTable({ c }: { c: TCase }) {
  const { t, i18n } = useTranslation('cases');
  const rows = [
    { key: 'a', label: t('case.assessmentDeadline'), d: c.deadlines.childAssessment },
    ...(c.deadlines.plan ? [{ key: 'p', label: t('case.planDeadline'), d: c.deadlines.plan }] : []),
    ...c.deadlines.followUps.map((d, i) => ({ key: `f${i}`, label: t('case.followUpDeadline'), d })),
  ];
  return (
    <TitledSection id="case-deadlines" title={t('case.deadlines')}>
      <ScrollTable>
        <Table withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('case.deadline')}</Table.Th>
              <Table.Th scope="col">{t('case.due')}</Table.Th>
              <Table.Th scope="col">{t('case.done')}</Table.Th>
              <Table.Th scope="col">{t('case.stateCol')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>{formatDate(r.d.due, i18n.language)}</Table.Td>
                <Table.Td>{formatDate(r.d.doneOn, i18n.language)}</Table.Td>
                <Table.Td>
                  <DeadlineBadge state={r.d.state} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {c.deadlines.childAssessment.preliminaryNeeded ? (
        <Text fw={700} mt="xs">
          {t('case.preliminaryNeeded')}
        </Text>
      ) : null}
    </TitledSection>
  );
}

export function Timeline({ c }: { c: TCase }) {
  const { t, i18n } = useTranslation('cases');
  return (
    <TitledSection id="case-timeline" title={t('case.timeline')}>
      {c.timeline.length === 0 ? <Text>{t('case.noTimeline')}</Text> : null}
      <List>
        {c.timeline.map((e, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: two events may share a time and kind; the list never reorders
          <List.Item key={`${e.at}-${e.kind}-${i}`}>
            {formatDateTime(e.at, i18n.language)}: {t(`event.${e.kind}`, { defaultValue: e.kind })}
            {e.kind === 'reassigned' && e.detail
              ? ` (${String(e.detail.from)} → ${String(e.detail.to)})`
              : ''}
            {e.actor ? ` · ${e.actor}` : ''}
          </List.Item>
        ))}
      </List>
    </TitledSection>
  );
}

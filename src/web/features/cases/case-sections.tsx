import { Group, List, NativeSelect, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCase, TConversationOutcome, TMeasureSection } from '../../../shared/schemas/cases';
import { ActionForm } from '../../components/action-form';
import { fieldError } from '../../components/field-errors';
import { formatDate, formatDateTime } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { TitledSection } from '../../components/titled-section';
import { DeadlineBadge } from './deadline-badge';
import { caseApi } from './queries';
import { todayIso, useCaseMutation } from './use-case-mutation';

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

export function AssessmentSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const [summary, setSummary] = useState('');
  const [completedOn, setCompletedOn] = useState(todayIso());
  const [preliminary, setPreliminary] = useState('');
  const complete = useCaseMutation(c.id, () =>
    caseApi.complete(c.id, { version: c.version, completedOn, summary }),
  );
  const pre = useCaseMutation(c.id, () =>
    caseApi.preliminary(c.id, { version: c.version, text: preliminary }),
  );
  return (
    <TitledSection id="case-assessment" title={t('assessment.title')}>
      {c.assessment.preliminary ? (
        <Stack gap={2} mb="sm">
          <Text fw={700}>
            {t('assessment.preliminaryRecorded', {
              date: formatDate(c.assessment.preliminaryRecordedOn, i18n.language),
            })}
          </Text>
          <Text>{c.assessment.preliminary}</Text>
        </Stack>
      ) : null}
      {c.assessment.completedOn ? (
        <Stack gap={2}>
          <Text fw={700}>
            {t('assessment.completed', { date: formatDate(c.assessment.completedOn, i18n.language) })}
          </Text>
          <Text>{c.assessment.summary}</Text>
        </Stack>
      ) : editable ? (
        <Stack>
          {c.deadlines.childAssessment.state === 'overdue' && !c.assessment.preliminary ? (
            <ActionForm
              onSubmit={() => pre.mutate(undefined)}
              error={pre.error}
              pending={pre.isPending}
              submitLabel={t('assessment.savePreliminary')}
            >
              <Textarea
                label={t('assessment.preliminary')}
                value={preliminary}
                onChange={(e) => setPreliminary(e.currentTarget.value)}
                error={fieldError(pre.error, 'text')}
                autosize
                minRows={2}
              />
            </ActionForm>
          ) : null}
          <ActionForm
            onSubmit={() => complete.mutate(undefined)}
            error={complete.error}
            pending={complete.isPending}
            submitLabel={t('assessment.complete')}
            confirm={t('assessment.confirmComplete')}
          >
            <Textarea
              label={t('assessment.summary')}
              value={summary}
              onChange={(e) => setSummary(e.currentTarget.value)}
              error={fieldError(complete.error, 'summary')}
              autosize
              minRows={2}
            />
            <TextInput
              type="date"
              label={t('assessment.completedOn')}
              value={completedOn}
              onChange={(e) => setCompletedOn(e.currentTarget.value)}
              error={fieldError(complete.error, 'completedOn')}
            />
          </ActionForm>
        </Stack>
      ) : null}
    </TitledSection>
  );
}

export function ConversationSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const [outcome, setOutcome] = useState<TConversationOutcome>('held');
  const [onDate, setOnDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const add = useCaseMutation(c.id, () =>
    caseApi.conversation(c.id, {
      outcome,
      onDate,
      note: note || undefined,
      reasonNotHeld: outcome === 'notHeld' ? reason : undefined,
    }),
  );
  return (
    <TitledSection id="case-conversations" title={t('conversation.title')}>
      <Text mb="xs">{t('conversation.intro')}</Text>
      {c.conversations.length === 0 ? <Text>{t('conversation.none')}</Text> : null}
      <List mb="sm">
        {c.conversations.map((x) => (
          <List.Item key={x.id}>
            {formatDate(x.onDate, i18n.language)}: {t(`conversation.outcomes.${x.outcome}`)}
            {x.note ? ` — ${x.note}` : ''}
            {x.reasonNotHeld ? ` — ${x.reasonNotHeld}` : ''} ({t('conversation.by', { name: x.recordedBy })})
          </List.Item>
        ))}
      </List>
      {editable ? (
        <ActionForm
          onSubmit={() =>
            add.mutate(undefined, {
              onSuccess: () => {
                setNote('');
                setReason('');
              },
            })
          }
          error={add.error}
          pending={add.isPending}
          submitLabel={t('conversation.add')}
        >
          <Group align="start" grow>
            <NativeSelect
              label={t('conversation.outcome')}
              value={outcome}
              onChange={(e) => setOutcome(e.currentTarget.value as TConversationOutcome)}
              data={(['held', 'declined', 'notHeld'] as const).map((o) => ({
                value: o,
                label: t(`conversation.outcomes.${o}`),
              }))}
            />
            <TextInput
              type="date"
              label={t('conversation.onDate')}
              value={onDate}
              max={todayIso()}
              onChange={(e) => setOnDate(e.currentTarget.value)}
              error={fieldError(add.error, 'onDate')}
            />
          </Group>
          {outcome === 'notHeld' ? (
            <Textarea
              label={t('conversation.reasonNotHeld')}
              withAsterisk
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={fieldError(add.error, 'reasonNotHeld')}
            />
          ) : (
            <Textarea
              label={t('conversation.note')}
              withAsterisk={outcome === 'held'}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldError(add.error, 'note')}
            />
          )}
        </ActionForm>
      ) : null}
    </TitledSection>
  );
}

export function MeasureSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const [section, setSection] = useState<TMeasureSection>('s32');
  const [title, setTitle] = useState('');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const add = useCaseMutation(c.id, () =>
    caseApi.measure(c.id, { section, title, startsOn, endsOn: endsOn || undefined }),
  );
  return (
    <TitledSection id="case-measures" title={t('measure.title')}>
      {c.measures.length === 0 ? <Text>{t('measure.none')}</Text> : null}
      <List mb="sm">
        {c.measures.map((m) => (
          <List.Item key={m.id}>
            {m.title} ({t(`measure.sections.${m.section}`)}),{' '}
            {m.endsOn
              ? t('measure.period', {
                  from: formatDate(m.startsOn, i18n.language),
                  to: formatDate(m.endsOn, i18n.language),
                })
              : t('measure.ongoing', { from: formatDate(m.startsOn, i18n.language) })}
          </List.Item>
        ))}
      </List>
      {editable ? (
        <ActionForm
          onSubmit={() => add.mutate(undefined, { onSuccess: () => setTitle('') })}
          error={add.error}
          pending={add.isPending}
          submitLabel={t('measure.add')}
        >
          <Group align="start" grow>
            <NativeSelect
              label={t('measure.section')}
              value={section}
              onChange={(e) => setSection(e.currentTarget.value as TMeasureSection)}
              data={(['s32', 's30'] as const).map((s) => ({ value: s, label: t(`measure.sections.${s}`) }))}
            />
            <TextInput
              label={t('measure.what')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={fieldError(add.error, 'title')}
            />
          </Group>
          <Group align="start" grow>
            <TextInput
              type="date"
              label={t('measure.startsOn')}
              value={startsOn}
              onChange={(e) => setStartsOn(e.currentTarget.value)}
              error={fieldError(add.error, 'startsOn')}
            />
            <TextInput
              type="date"
              label={t('measure.endsOn')}
              value={endsOn}
              onChange={(e) => setEndsOn(e.currentTarget.value)}
              error={fieldError(add.error, 'endsOn')}
            />
          </Group>
        </ActionForm>
      ) : null}
    </TitledSection>
  );
}

export function FollowUpSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
  const next = c.followUps.find((f) => !f.heldOn);
  const [heldOn, setHeldOn] = useState(todayIso());
  const [note, setNote] = useState('');
  const [nextDueOn, setNextDueOn] = useState('');
  const record = useCaseMutation(c.id, () =>
    caseApi.followUp(c.id, next?.id ?? '', {
      heldOn,
      note: note || undefined,
      nextDueOn: nextDueOn || undefined,
    }),
  );
  return (
    <TitledSection id="case-follow-ups" title={t('followUp.title')}>
      {c.followUps.length === 0 ? <Text>{t('followUp.none')}</Text> : null}
      <List mb="sm">
        {c.followUps.map((f) => (
          <List.Item key={f.id}>
            {t('followUp.due', { date: formatDate(f.dueOn, i18n.language) })}
            {f.heldOn ? ` · ${t('followUp.held', { date: formatDate(f.heldOn, i18n.language) })}` : ''}
            {f.note ? ` — ${f.note}` : ''} <DeadlineBadge state={f.state} />
          </List.Item>
        ))}
      </List>
      {editable && next ? (
        <ActionForm
          onSubmit={() => record.mutate(undefined)}
          error={record.error}
          pending={record.isPending}
          submitLabel={t('followUp.record')}
        >
          <Group align="start" grow>
            <TextInput
              type="date"
              label={t('followUp.heldOn')}
              value={heldOn}
              max={todayIso()}
              onChange={(e) => setHeldOn(e.currentTarget.value)}
              error={fieldError(record.error, 'heldOn')}
            />
            <TextInput
              type="date"
              label={t('followUp.nextDueOn')}
              value={nextDueOn}
              onChange={(e) => setNextDueOn(e.currentTarget.value)}
              error={fieldError(record.error, 'nextDueOn')}
            />
          </Group>
          <Textarea
            label={t('followUp.note')}
            withAsterisk
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(record.error, 'note')}
          />
        </ActionForm>
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

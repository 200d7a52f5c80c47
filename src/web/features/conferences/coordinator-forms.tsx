import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConference } from '../../../shared/schemas/conference-views';
import { PLAN_HELPED, TASK_OWNERS, TASK_STATUSES } from '../../../shared/schemas/conferences';
import { fieldError } from '../../components/field-errors';
import { StepForm } from './step-form';
import { useStep } from './use-step';

let addedRows = 0;
/** A key for a row added to a form (its position would change when rows are added). */
const rowKey = () => `row-${++addedRows}`;

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** Preparation: the questions, the concern and the bottom lines, and the network invited with the child. */
export function PrepareForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'preparation');
  const [questions, setQuestions] = useState('');
  const [concerns, setConcerns] = useState('');
  const [bottomLines, setBottomLines] = useState('');
  const [invited, setInvited] = useState<string[]>([]);
  const [withChild, setWithChild] = useState(true);
  return (
    <StepForm
      title={t('step.prepare')}
      submitLabel={t('form.submitPrepare')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) =>
        submit({
          heldOn,
          questions: questions
            .split('\n')
            .map((q) => q.trim())
            .filter(Boolean),
          concerns,
          bottomLines,
          invitees: invited.map((networkPersonId) => ({ networkPersonId, chosenWithChild: withChild })),
        })
      }
    >
      <Textarea
        label={t('form.questions')}
        value={questions}
        onChange={(e) => setQuestions(e.currentTarget.value)}
        error={fieldError(error, 'questions')}
        required
        autosize
        minRows={3}
      />
      <Textarea
        label={t('form.concerns')}
        value={concerns}
        onChange={(e) => setConcerns(e.currentTarget.value)}
        error={fieldError(error, 'concerns')}
        required
        autosize
        minRows={2}
      />
      <Textarea
        label={t('form.bottomLines')}
        value={bottomLines}
        onChange={(e) => setBottomLines(e.currentTarget.value)}
        error={fieldError(error, 'bottomLines')}
        required
        autosize
        minRows={2}
      />
      <Checkbox.Group
        label={t('form.invite')}
        value={invited}
        onChange={setInvited}
        error={fieldError(error, 'invitees')}
      >
        <Stack gap={6} mt="xs">
          {conference.network.map((p) => (
            <Checkbox key={p.id} value={p.id} label={p.name} />
          ))}
        </Stack>
      </Checkbox.Group>
      <Checkbox
        label={t('form.chosenWithChild')}
        checked={withChild}
        onChange={(e) => setWithChild(e.currentTarget.checked)}
      />
    </StepForm>
  );
}

interface TInformant {
  key: string;
  name: string;
  profession: string;
  brought: string;
}

/** Information: the professionals who informed the meeting, and what each brought. */
export function InformForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'information');
  const [rows, setRows] = useState<TInformant[]>([{ key: rowKey(), name: '', profession: '', brought: '' }]);
  const set = (i: number, change: Partial<TInformant>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <StepForm
      title={t('step.inform')}
      submitLabel={t('form.submitInform')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) =>
        submit({
          heldOn,
          informants: rows.map(({ name, profession, brought }) => ({ name, profession, brought })),
        })
      }
    >
      {rows.map((r, i) => (
        <Fieldset key={r.key} legend={t('form.informant', { n: i + 1 })}>
          <Group grow align="flex-start">
            <TextInput
              label={t('form.informantName')}
              value={r.name}
              onChange={(e) => set(i, { name: e.currentTarget.value })}
              error={fieldError(error, `informants.${i}.name`)}
              required
            />
            <TextInput
              label={t('form.informantProfession')}
              value={r.profession}
              onChange={(e) => set(i, { profession: e.currentTarget.value })}
              error={fieldError(error, `informants.${i}.profession`)}
              required
            />
          </Group>
          <Textarea
            mt="xs"
            label={t('form.informantBrought')}
            value={r.brought}
            onChange={(e) => set(i, { brought: e.currentTarget.value })}
            error={fieldError(error, `informants.${i}.brought`)}
            required
            autosize
          />
        </Fieldset>
      ))}
      <Group>
        <Button
          variant="default"
          onClick={() => setRows((all) => [...all, { key: rowKey(), name: '', profession: '', brought: '' }])}
        >
          {t('form.addInformant')}
        </Button>
      </Group>
    </StepForm>
  );
}

/** The family's private time: only that it took place. */
export function PrivateTimeForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'private-time');
  return (
    <StepForm
      title={t('step.privateTime')}
      submitLabel={t('form.submitPrivateTime')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) => submit({ heldOn })}
    >
      <Text>{t('form.privateTimeHint')}</Text>
    </StepForm>
  );
}

interface TTaskRow {
  key: string;
  what: string;
  ownerKind: (typeof TASK_OWNERS)[number];
  ownerName: string;
  networkPersonId: string;
  dueOn: string;
  checkedBy: string;
  question: string;
}

const emptyTask = (): TTaskRow => ({
  key: rowKey(),
  what: '',
  ownerKind: 'parent',
  ownerName: '',
  networkPersonId: '',
  dueOn: inDays(30),
  checkedBy: '',
  question: '0',
});

/** The family's plan: tasks with what, who, by when, who checks, and the question each answers. */
export function PlanForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'plan');
  const [rows, setRows] = useState<TTaskRow[]>([emptyTask()]);
  const set = (i: number, change: Partial<TTaskRow>) =>
    setRows((all) => all.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <StepForm
      title={t('step.plan')}
      submitLabel={t('form.submitPlan')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) =>
        submit({
          heldOn,
          tasks: rows.map((r) => ({
            what: r.what,
            ownerKind: r.ownerKind,
            ownerName: r.ownerName,
            ...(r.networkPersonId ? { networkPersonId: r.networkPersonId } : {}),
            dueOn: r.dueOn,
            checkedBy: r.checkedBy,
            question: Number(r.question),
          })),
        })
      }
    >
      {rows.map((r, i) => (
        <Fieldset key={r.key} legend={t('form.task', { n: i + 1 })}>
          <Stack gap="xs">
            <TextInput
              label={t('form.taskWhat')}
              value={r.what}
              onChange={(e) => set(i, { what: e.currentTarget.value })}
              error={fieldError(error, `tasks.${i}.what`)}
              required
            />
            <Group grow align="flex-start">
              <NativeSelect
                label={t('form.taskOwnerKind')}
                data={TASK_OWNERS.map((o) => ({ value: o, label: t(`owner.${o}`) }))}
                value={r.ownerKind}
                onChange={(e) => set(i, { ownerKind: e.currentTarget.value as TTaskRow['ownerKind'] })}
              />
              <TextInput
                label={t('form.taskOwnerName')}
                value={r.ownerName}
                onChange={(e) => set(i, { ownerName: e.currentTarget.value })}
                error={fieldError(error, `tasks.${i}.ownerName`)}
                required
              />
              {r.ownerKind === 'networkPerson' ? (
                <NativeSelect
                  label={t('form.taskNetworkPerson')}
                  data={[
                    { value: '', label: t('form.taskNoNetworkPerson') },
                    ...conference.network.map((p) => ({ value: p.id, label: p.name })),
                  ]}
                  value={r.networkPersonId}
                  onChange={(e) => set(i, { networkPersonId: e.currentTarget.value })}
                  error={fieldError(error, `tasks.${i}.networkPersonId`)}
                />
              ) : null}
            </Group>
            <Group grow align="flex-start">
              <TextInput
                type="date"
                label={t('form.taskDueOn')}
                value={r.dueOn}
                onChange={(e) => set(i, { dueOn: e.currentTarget.value })}
                error={fieldError(error, `tasks.${i}.dueOn`)}
                required
              />
              <TextInput
                label={t('form.taskCheckedBy')}
                value={r.checkedBy}
                onChange={(e) => set(i, { checkedBy: e.currentTarget.value })}
                error={fieldError(error, `tasks.${i}.checkedBy`)}
                required
              />
              <NativeSelect
                label={t('form.taskQuestion')}
                data={conference.questions.map((q, n) => ({ value: String(n), label: `${n + 1}. ${q}` }))}
                value={r.question}
                onChange={(e) => set(i, { question: e.currentTarget.value })}
                error={fieldError(error, `tasks.${i}.question`)}
              />
            </Group>
          </Stack>
        </Fieldset>
      ))}
      <Group>
        <Button variant="default" onClick={() => setRows((all) => [...all, emptyTask()])}>
          {t('form.addTask')}
        </Button>
      </Group>
    </StepForm>
  );
}

/** The review: each task's status, and whether the plan helped. */
export function ReviewForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'review');
  const [statuses, setStatuses] = useState<Record<string, string>>(() =>
    Object.fromEntries(conference.tasks.map((task) => [task.id, task.reviewStatus ?? 'done'])),
  );
  const [helped, setHelped] = useState<string>('yes');
  const [note, setNote] = useState('');
  return (
    <StepForm
      title={t('step.review')}
      submitLabel={t('form.submitReview')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) =>
        submit({
          heldOn,
          helped,
          note,
          tasks: conference.tasks.map((task) => ({ taskId: task.id, status: statuses[task.id] })),
        })
      }
    >
      {conference.tasks.map((task) => (
        <NativeSelect
          key={task.id}
          label={t('form.taskStatus', { what: task.what })}
          data={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
          value={statuses[task.id]}
          onChange={(e) => setStatuses((all) => ({ ...all, [task.id]: e.currentTarget.value }))}
        />
      ))}
      <NativeSelect
        label={t('form.reviewHelped')}
        data={PLAN_HELPED.map((h) => ({ value: h, label: t(`helped.${h}`) }))}
        value={helped}
        onChange={(e) => setHelped(e.currentTarget.value)}
      />
      <Textarea
        label={t('form.reviewNote')}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
        autosize
      />
    </StepForm>
  );
}

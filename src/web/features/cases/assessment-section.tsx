import { Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type TCase,
  ZCompleteAssessmentRequest,
  ZPreliminaryAssessmentRequest,
} from '../../../shared/schemas/cases';
import { useFormCheck } from '../../components/check-input';
import { DrawerForm } from '../../components/drawer-form';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { caseApi } from './queries';
import { todayIso, useCaseMutation } from './use-case-mutation';

function PreliminaryForm({ c }: { c: TCase }) {
  const { t } = useTranslation('cases');
  const [text, setText] = useState('');
  const form = useFormCheck();
  const body = () => ({ version: c.version, text });
  const pre = useCaseMutation(c.id, () => caseApi.preliminary(c.id, body()));
  const error = form.problem ?? pre.error;
  return (
    <DrawerForm
      title={t('assessment.savePreliminary')}
      onSubmit={(close) => {
        if (form.check(ZPreliminaryAssessmentRequest, body())) pre.mutate(undefined, { onSuccess: close });
      }}
      onClose={form.clear}
      error={error}
      pending={pre.isPending}
      submitLabel={t('assessment.savePreliminary')}
    >
      <Textarea
        label={t('assessment.preliminary')}
        withAsterisk
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        error={fieldError(error, 'text')}
        autosize
        minRows={4}
        data-autofocus
      />
    </DrawerForm>
  );
}

/** Completing the § 20 assessment cannot be undone: the drawer asks before it runs. */
function CompleteForm({ c }: { c: TCase }) {
  const { t } = useTranslation('cases');
  const [summary, setSummary] = useState('');
  const [completedOn, setCompletedOn] = useState(todayIso());
  const form = useFormCheck();
  const body = () => ({ version: c.version, completedOn, summary });
  const complete = useCaseMutation(c.id, () => caseApi.complete(c.id, body()));
  const error = form.problem ?? complete.error;
  return (
    <DrawerForm
      title={t('assessment.complete')}
      check={() => form.check(ZCompleteAssessmentRequest, body(), { completedOn })}
      onSubmit={(close) => complete.mutate(undefined, { onSuccess: close })}
      onClose={form.clear}
      error={error}
      pending={complete.isPending}
      submitLabel={t('assessment.complete')}
      confirm={t('assessment.confirmComplete')}
    >
      <Textarea
        label={t('assessment.summary')}
        withAsterisk
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
        error={fieldError(error, 'summary')}
        autosize
        minRows={4}
        data-autofocus
      />
      <TextInput
        type="date"
        label={t('assessment.completedOn')}
        withAsterisk
        value={completedOn}
        max={todayIso()}
        onChange={(e) => setCompletedOn(e.currentTarget.value)}
        error={fieldError(error, 'completedOn')}
      />
    </DrawerForm>
  );
}

export function AssessmentSection({ c, editable }: { c: TCase; editable: boolean }) {
  const { t, i18n } = useTranslation('cases');
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
            <PreliminaryForm c={c} />
          ) : null}
          <CompleteForm c={c} />
        </Stack>
      ) : null}
    </TitledSection>
  );
}

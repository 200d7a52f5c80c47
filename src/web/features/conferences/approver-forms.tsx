import { Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConference } from '../../../shared/schemas/conference-views';
import { fieldError } from '../../components/field-errors';
import { StepForm } from './step-form';
import { useStep } from './use-step';

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

/** The approver's decision: approve with the review date, or refuse with a reason. */
export function DecisionForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'decision');
  const [decision, setDecision] = useState<'approved' | 'refused'>('approved');
  const [reviewOn, setReviewOn] = useState(inDays(60));
  const [reason, setReason] = useState('');
  return (
    <StepForm
      title={t('form.decision')}
      submitLabel={t('form.submitDecision')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) =>
        submit(decision === 'approved' ? { heldOn, decision, reviewOn } : { heldOn, decision, reason })
      }
    >
      <Radio.Group
        label={t('form.decision')}
        value={decision}
        onChange={(v) => setDecision(v as 'approved' | 'refused')}
      >
        <Stack gap={6} mt="xs">
          <Radio value="approved" label={t('form.approve')} />
          <Radio value="refused" label={t('form.refuse')} />
        </Stack>
      </Radio.Group>
      {decision === 'approved' ? (
        <TextInput
          type="date"
          label={t('form.reviewOn', { months: conference.reviewWithinMonths })}
          value={reviewOn}
          onChange={(e) => setReviewOn(e.currentTarget.value)}
          error={fieldError(error, 'reviewOn')}
          required
          maw={260}
        />
      ) : (
        <Textarea
          label={t('form.refusalReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(error, 'reason')}
          required
          autosize
          minRows={2}
        />
      )}
    </StepForm>
  );
}

/** Closes the plan after its review. */
export function CloseForm({ conference }: { conference: TConference }) {
  const { t } = useTranslation('conferences');
  const { submit, error, busy } = useStep(conference, 'close');
  return (
    <StepForm
      title={t('step.close')}
      submitLabel={t('form.submitClose')}
      error={error}
      busy={busy}
      onSubmit={(heldOn) => submit({ heldOn })}
    />
  );
}

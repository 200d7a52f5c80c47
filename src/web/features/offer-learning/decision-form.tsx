import { NativeSelect, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFER_DECISIONS, type TOfferDecisionKind } from '../../../shared/schemas/offer-learning';
import { ActionForm } from '../../components/action-form';
import { fieldError } from '../../components/field-errors';
import { learningQuery, recordDecision } from './queries';

/** A leader records continue, adjust or close with the reason; closing is said out loud before it is saved. */
export function DecisionForm({ offerId }: { offerId: string }) {
  const { t } = useTranslation('planning');
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState<TOfferDecisionKind>('continue');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await recordDecision(offerId, { decision, reason });
      setReason('');
      await queryClient.invalidateQueries({ queryKey: learningQuery.queryKey });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <ActionForm
      onSubmit={() => void submit()}
      error={error}
      pending={pending}
      submitLabel={t('learning.save')}
    >
      <NativeSelect
        label={t('learning.decision')}
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value as TOfferDecisionKind)}
        data={OFFER_DECISIONS.map((d) => ({ value: d, label: t(`learning.decisionKind.${d}`) }))}
        error={fieldError(error, 'decision')}
      />
      {decision === 'close' ? <Text size="sm">{t('learning.closeWarning')}</Text> : null}
      <Textarea
        label={t('learning.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required
        autosize
        minRows={2}
        maxLength={2000}
        error={fieldError(error, 'reason')}
      />
    </ActionForm>
  );
}

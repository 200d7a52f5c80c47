import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { coordinatorsQuery, referConference } from './queries';

const todayIso = () => new Date().toISOString().slice(0, 10);

/** Refers the child's family: why, the day the family said yes, and the neutral coordinator. */
export function ReferConferenceForm({
  childId,
  caseId,
  onDone,
}: {
  childId: string;
  caseId?: string;
  onDone: () => void;
}) {
  const { t } = useTranslation('conferences');
  const queryClient = useQueryClient();
  const coordinators = useQuery(coordinatorsQuery);
  const [reason, setReason] = useState('');
  const [familyAgreedOn, setFamilyAgreedOn] = useState(todayIso());
  const [coordinatorId, setCoordinatorId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const options = (coordinators.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.external ? t('form.externalCoordinator', { name: c.name }) : c.name,
  }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await referConference({
        childId,
        ...(caseId ? { caseId } : {}),
        reason,
        familyAgreedOn,
        coordinatorId: coordinatorId || (options[0]?.value ?? ''),
      });
      await queryClient.invalidateQueries({ queryKey: ['conferences'] });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('referTitle')}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Textarea
          label={t('form.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={fieldError(error, 'reason')}
          required
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('form.familyAgreedOn')}
            value={familyAgreedOn}
            onChange={(e) => setFamilyAgreedOn(e.currentTarget.value)}
            error={fieldError(error, 'familyAgreedOn')}
            required
          />
          <NativeSelect
            label={t('form.coordinator')}
            description={t('form.coordinatorHint')}
            data={options}
            value={coordinatorId || (options[0]?.value ?? '')}
            onChange={(e) => setCoordinatorId(e.currentTarget.value)}
            error={fieldError(error, 'coordinatorId')}
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy}>
            {t('form.submitRefer')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

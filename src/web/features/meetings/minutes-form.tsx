import { Button, Group, NumberInput, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TMeetingItem } from '../../../shared/schemas/meetings';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { saveMinutes } from './queries';

/** Minutes in three columns, a 0–10 scaling, decisions and the follow-up date. */
export function MinutesForm({
  item,
  meetingId,
  onDone,
}: {
  item: TMeetingItem;
  meetingId: string;
  onDone?: () => void;
}) {
  const { t } = useTranslation('meetings');
  const queryClient = useQueryClient();
  const m = item.minutes;
  const [worried, setWorried] = useState(m?.worried ?? '');
  const [workingWell, setWorkingWell] = useState(m?.workingWell ?? '');
  const [nextSteps, setNextSteps] = useState(m?.nextSteps ?? '');
  const [scaling, setScaling] = useState<number | string>(m?.scaling ?? '');
  const [decisions, setDecisions] = useState(m?.decisions ?? '');
  const [followUpOn, setFollowUpOn] = useState(m?.followUpOn ?? '');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await saveMinutes(item.id, {
        version: item.version,
        worried,
        workingWell,
        nextSteps,
        scaling: scaling === '' ? null : Number(scaling),
        decisions,
        followUpOn: followUpOn || null,
      });
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'one', meetingId] });
      setSaved(true);
      onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('minutes.formLabel', { position: item.position })}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        <SimpleGrid cols={1}>
          <Textarea
            label={t('minutes.worried')}
            value={worried}
            onChange={(e) => setWorried(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(error, 'worried')}
          />
          <Textarea
            label={t('minutes.workingWell')}
            value={workingWell}
            onChange={(e) => setWorkingWell(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(error, 'workingWell')}
          />
          <Textarea
            label={t('minutes.nextSteps')}
            value={nextSteps}
            onChange={(e) => setNextSteps(e.currentTarget.value)}
            autosize
            minRows={3}
            error={fieldError(error, 'nextSteps')}
          />
        </SimpleGrid>
        <Group grow align="flex-start">
          <NumberInput
            label={t('minutes.scaling')}
            description={t('minutes.scalingHint')}
            min={0}
            max={10}
            value={scaling}
            onChange={setScaling}
            error={fieldError(error, 'scaling')}
          />
          <TextInput
            type="date"
            label={t('minutes.followUpOn')}
            value={followUpOn}
            onChange={(e) => setFollowUpOn(e.currentTarget.value)}
            error={fieldError(error, 'followUpOn')}
          />
        </Group>
        <Textarea
          label={t('minutes.decisions')}
          value={decisions}
          onChange={(e) => setDecisions(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError(error, 'decisions')}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('minutes.save')}
          </Button>
          <span aria-live="polite">{saved ? t('minutes.saved') : ''}</span>
        </Group>
      </Stack>
    </form>
  );
}

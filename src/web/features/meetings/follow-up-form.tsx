import { Button, Group, NumberInput, Radio, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HELPED, type THelped, type TMeetingItem } from '../../../shared/schemas/meetings';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { recordFollowUp } from './queries';

/** At follow-up: did it help, and the scaling again. */
export function FollowUpForm({ item, onDone }: { item: TMeetingItem; onDone?: () => void }) {
  const { t, i18n } = useTranslation('meetings');
  const queryClient = useQueryClient();
  const [helped, setHelped] = useState<THelped | ''>(item.followUp?.helped ?? '');
  const [scaling, setScaling] = useState<number | string>(item.followUp?.scalingAfter ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (!item.minutes?.followUpOn) return null;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await recordFollowUp(item.id, {
        version: item.version,
        helped: helped as THelped,
        scalingAfter: scaling === '' ? (undefined as unknown as number) : Number(scaling),
      });
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('followUp.formLabel', { position: item.position })}>
      <Stack gap="xs">
        <Text fw={700}>
          {t('followUp.title', { date: formatDate(item.minutes.followUpOn, i18n.language) })}
        </Text>
        <ErrorAlert error={error} />
        <Radio.Group
          label={t('followUp.helped')}
          value={helped}
          onChange={(v) => setHelped(v as THelped)}
          error={fieldError(error, 'helped')}
          required
        >
          <Group mt="xs">
            {HELPED.map((h) => (
              <Radio key={h} value={h} label={t(`helped.${h}`)} />
            ))}
          </Group>
        </Radio.Group>
        <NumberInput
          label={t('followUp.scalingAfter')}
          min={0}
          max={10}
          value={scaling}
          onChange={setScaling}
          error={fieldError(error, 'scalingAfter')}
          required
          maw={240}
        />
        <Group>
          <Button type="submit" loading={busy}>
            {t('followUp.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

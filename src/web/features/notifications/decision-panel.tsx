import { Button, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFICATION_DECISIONS } from '../../../shared/schemas/notifications';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { decideNotification } from './queries';
import type { TNotificationDetail } from './types';

/** Every notification ends in a decision; the server refuses one before the assessment. */
export function DecisionPanel({ notification }: { notification: TNotificationDetail }) {
  const { t, i18n } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const [decision, setDecision] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const d = notification.decision;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!decision) {
      setProblem(t('form.choose'));
      return;
    }
    setProblem(undefined);
    setBusy(true);
    setError(null);
    try {
      await decideNotification(notification.id, {
        decision,
        note: note.trim() || undefined,
        version: notification.version,
      });
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (d)
    return (
      <Paper withBorder p="md">
        <Stack>
          <Title order={2}>{t('decisionPanel.title')}</Title>
          <Text fw={700}>{t(`decision.${d.decision}`)}</Text>
          <Text>
            {t('decisionPanel.madeBy', { name: d.byName, at: formatDateTime(d.at, i18n.language) })}
          </Text>
          {d.note ? <Text className="notification-text">{d.note}</Text> : null}
        </Stack>
      </Paper>
    );

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('decisionPanel.title')}</Title>
          <Text>
            {notification.assessment ? t('decisionPanel.intro') : t('decisionPanel.needsAssessment')}
          </Text>
          <Radio.Group
            label={t('decisionPanel.decision')}
            value={decision}
            onChange={setDecision}
            error={problem}
            required
          >
            <Stack mt="xs" gap="xs">
              {NOTIFICATION_DECISIONS.map((v) => (
                <Radio key={v} value={v} label={t(`decision.${v}`)} />
              ))}
            </Stack>
          </Radio.Group>
          <Textarea
            label={t('decisionPanel.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <ErrorAlert error={error} />
          <div>
            <Button type="submit" loading={busy}>
              {t('decisionPanel.save')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

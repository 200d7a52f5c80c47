import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { assessNotification } from './queries';
import type { TNotificationDetail } from './types';

type TYesNo = '' | 'yes' | 'no';

/** The 24-hour assessment: is the child's health or development at risk, is acute action needed. */
export function AssessmentPanel({ notification }: { notification: TNotificationDetail }) {
  const { t, i18n } = useTranslation('notifications');
  const queryClient = useQueryClient();
  const a = notification.assessment;
  const [risk, setRisk] = useState<TYesNo>(a ? (a.healthAtRisk ? 'yes' : 'no') : '');
  const [acute, setAcute] = useState<TYesNo>(a ? (a.acuteNeeded ? 'yes' : 'no') : '');
  const [note, setNote] = useState(a?.note ?? '');
  const [problems, setProblems] = useState<{ risk?: string; acute?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const locked = notification.decision !== null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next = { risk: risk ? undefined : t('form.choose'), acute: acute ? undefined : t('form.choose') };
    setProblems(next);
    if (next.risk || next.acute) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await assessNotification(notification.id, {
        healthAtRisk: risk === 'yes',
        acuteNeeded: acute === 'yes',
        note: note.trim() || undefined,
        version: notification.version,
      });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Title order={2}>{t('assessment.title')}</Title>
          {a ? (
            <Text>
              {t('assessment.madeBy', { name: a.byName, at: formatDateTime(a.at, i18n.language) })}{' '}
              {a.inTime ? t('assessment.inTime') : t('assessment.late')}
            </Text>
          ) : (
            <Text>{t('assessment.intro')}</Text>
          )}
          <Radio.Group
            label={t('assessment.healthAtRisk')}
            value={risk}
            onChange={(v) => setRisk(v as TYesNo)}
            error={problems.risk}
            required
          >
            <Group mt="xs">
              <Radio value="yes" label={t('form.yes')} disabled={locked} />
              <Radio value="no" label={t('form.no')} disabled={locked} />
            </Group>
          </Radio.Group>
          <Radio.Group
            label={t('assessment.acuteNeeded')}
            value={acute}
            onChange={(v) => setAcute(v as TYesNo)}
            error={problems.acute}
            required
          >
            <Group mt="xs">
              <Radio value="yes" label={t('form.yes')} disabled={locked} />
              <Radio value="no" label={t('form.no')} disabled={locked} />
            </Group>
          </Radio.Group>
          <Textarea
            label={t('assessment.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={3}
            disabled={locked}
          />
          <ErrorAlert error={error} />
          <div aria-live="polite">{saved ? <Text>{t('assessment.saved')}</Text> : null}</div>
          {!locked ? (
            <div>
              <Button type="submit" loading={busy}>
                {a ? t('assessment.update') : t('assessment.save')}
              </Button>
            </div>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

import { Button, Checkbox, Loader, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { deadlineSettingsQuery, saveDeadlineSettings } from '../notifications/queries';
import type { TDeadlineSettings } from '../notifications/types';

const NUMBERS = [
  ['assessmentHours', 1, 168],
  ['receiptWeekdays', 1, 30],
  ['childAssessmentMonths', 1, 12],
  ['planMonths', 1, 12],
  ['followUpMonths', 1, 12],
  ['youthPlanAge', 12, 18],
  ['partyStatusAge', 6, 15],
] as const;
const DAYS = ['constitutionDayOff', 'christmasEveOff', 'newYearsEveOff'] as const;

export function DeadlinesPage() {
  const { t } = useTranslation('notifications');
  usePageTitle(t('deadlines.title'));
  const me = useMe();
  const queryClient = useQueryClient();
  const settings = useQuery(deadlineSettingsQuery);
  const [draft, setDraft] = useState<TDeadlineSettings | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const manage = can(me, 'manage:deadline:municipality');
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const { updatedAt: _u, ...body } = draft;
      const next = await saveDeadlineSettings(body);
      queryClient.setQueryData(deadlineSettingsQuery.queryKey, next);
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <Title order={1}>{t('deadlines.title')}</Title>
      <Text>{t('deadlines.intro')}</Text>
      {settings.isPending ? <Loader aria-label={t('deadlines.loading')} /> : null}
      {draft ? (
        <Paper withBorder p="md" maw={800}>
          <form onSubmit={submit} noValidate>
            <Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {NUMBERS.map(([key, min, max]) => (
                  <NumberInput
                    key={key}
                    label={t(`deadlines.${key}`)}
                    min={min}
                    max={max}
                    allowDecimal={false}
                    value={draft[key]}
                    disabled={!manage}
                    onChange={(v) =>
                      setDraft({ ...draft, [key]: typeof v === 'number' ? v : Number(v) || 0 })
                    }
                    error={fieldError(error, key)}
                  />
                ))}
              </SimpleGrid>
              <Title order={2} size="h3">
                {t('deadlines.daysOff')}
              </Title>
              {DAYS.map((key) => (
                <Checkbox
                  key={key}
                  label={t(`deadlines.${key}`)}
                  checked={draft[key]}
                  disabled={!manage}
                  onChange={(e) => setDraft({ ...draft, [key]: e.currentTarget.checked })}
                />
              ))}
              <ErrorAlert error={error} />
              <div aria-live="polite">{saved ? <Text>{t('deadlines.saved')}</Text> : null}</div>
              {manage ? (
                <div>
                  <Button type="submit" loading={busy}>
                    {t('deadlines.save')}
                  </Button>
                </div>
              ) : null}
            </Stack>
          </form>
        </Paper>
      ) : null}
    </Stack>
  );
}

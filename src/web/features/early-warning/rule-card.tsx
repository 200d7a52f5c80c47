import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { rulesQuery, saveRule, type TRule } from '../alerts/queries';

/** One early-warning rule: what it checks (with its current numbers), on or off, and its parameters. */
export function RuleCard({ rule, canEdit }: { rule: TRule; canEdit: boolean }) {
  const { t } = useTranslation('concerns');
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(rule.enabled);
  const [params, setParams] = useState(rule.params);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = t(`rules.name.${rule.code}`);
  const id = `rule-${rule.code}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await saveRule(rule.code, { enabled, params, version: rule.version });
      await queryClient.invalidateQueries({ queryKey: rulesQuery.queryKey });
      setSaved(true);
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409)
        await queryClient.invalidateQueries({ queryKey: rulesQuery.queryKey });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4" id={id}>
            {name}
          </Title>
          <Text>{t(`rules.description.${rule.code}`, rule.params)}</Text>
          <ErrorAlert error={error} />
          <Switch
            label={t('rules.enabled')}
            checked={enabled}
            onChange={(e) => setEnabled(e.currentTarget.checked)}
            disabled={!canEdit}
          />
          {Object.entries(params).map(([key, value]) =>
            typeof value === 'number' ? (
              <NumberInput
                key={key}
                label={t(`rules.param.${key}`)}
                value={value}
                min={1}
                onChange={(v) => setParams({ ...params, [key]: typeof v === 'number' ? v : Number(v) })}
                error={fieldError(error, `params.${key}`)}
                disabled={!canEdit}
                maw={240}
              />
            ) : typeof value === 'boolean' ? (
              <Checkbox
                key={key}
                label={t(`rules.param.${key}`)}
                checked={value}
                onChange={(e) => setParams({ ...params, [key]: e.currentTarget.checked })}
                disabled={!canEdit}
              />
            ) : (
              <TextInput
                key={key}
                label={t(`rules.param.${key}`)}
                value={value}
                onChange={(e) => setParams({ ...params, [key]: e.currentTarget.value })}
                error={fieldError(error, `params.${key}`)}
                disabled={!canEdit}
                maw={240}
              />
            ),
          )}
          {canEdit ? (
            <Group>
              <Button type="submit" loading={busy}>
                {t('rules.save', { rule: name })}
              </Button>
              <div aria-live="polite">{saved ? <Text size="sm">{t('rules.saved')}</Text> : null}</div>
            </Group>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}

import { Button, Group, Paper, Stack, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { todayIso } from './use-step';

/** The frame of a step's form: its title, the day it happened, the fields, one submit. */
export function StepForm({
  title,
  submitLabel,
  error,
  busy,
  onSubmit,
  children,
}: {
  title: string;
  submitLabel: string;
  error: unknown;
  busy: boolean;
  onSubmit: (heldOn: string) => void;
  children?: ReactNode;
}) {
  const { t } = useTranslation('conferences');
  const [heldOn, setHeldOn] = useState(todayIso());
  return (
    <Paper withBorder p="md">
      <form
        aria-label={title}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(heldOn);
        }}
      >
        <Stack gap="md">
          <Title order={2} size="h3">
            {title}
          </Title>
          <ErrorAlert error={error} />
          <TextInput
            type="date"
            label={t('form.heldOn')}
            value={heldOn}
            onChange={(e) => setHeldOn(e.currentTarget.value)}
            error={fieldError(error, 'heldOn')}
            required
            maw={220}
          />
          {children}
          <Group>
            <Button type="submit" loading={busy}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

import { Button, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './error-alert';

interface TActionFormProps {
  onSubmit: () => void;
  /** The last failed attempt's error, shown above the fields. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  children: ReactNode;
}

/** A small form that runs one action: its error above the fields, one light submit button below. */
export function ActionForm({ onSubmit, error, pending, submitLabel, children }: TActionFormProps) {
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Stack>
        <ErrorAlert error={error} />
        {children}
        <Group>
          <Button type="submit" variant="light" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './error-alert';

export interface TActionFormProps {
  onSubmit: () => void;
  /** The last failed attempt's error, shown above the fields. */
  error: unknown;
  pending: boolean;
  submitLabel: string;
  /**
   * For what cannot be undone: the consequence in words, asked about in a dialog before the action runs.
   */
  confirm?: string;
  /** The form's own check, before it asks or sends: false stops it (the check shows the problem). */
  check?: () => boolean;
  /** The form is all the drawer or dialog holds: its submit is the one filled button. */
  primary?: boolean;
  children: ReactNode;
}

/** A small form that runs one action: its error above the fields, one light submit button below. */
export function ActionForm({
  onSubmit,
  error,
  pending,
  submitLabel,
  confirm,
  check,
  primary,
  children,
}: TActionFormProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (check && !check()) return;
        if (confirm) setAsking(true);
        else onSubmit();
      }}
    >
      <Stack>
        <ErrorAlert error={error} />
        {children}
        <Group>
          <Button type="submit" variant={primary ? 'filled' : 'light'} loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
      {confirm ? (
        <Modal
          opened={asking}
          onClose={() => setAsking(false)}
          title={t('confirm.title')}
          closeButtonProps={{ 'aria-label': t('confirm.close') }}
        >
          <Text>{confirm}</Text>
          <Group mt="md" justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              {t('confirm.cancel')}
            </Button>
            <Button
              onClick={() => {
                setAsking(false);
                onSubmit();
              }}
            >
              {submitLabel}
            </Button>
          </Group>
        </Modal>
      ) : null}
    </form>
  );
}

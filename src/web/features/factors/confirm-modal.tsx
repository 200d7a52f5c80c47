import { Button, Group, Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';

interface TConfirmModalProps {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive action is red, and the dialog starts on "Cancel". */
  destructive?: boolean;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** A yes/no question with the server's answer shown inside it when the action is refused. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  destructive = false,
  busy,
  error,
  onConfirm,
  onClose,
}: TConfirmModalProps) {
  const { t } = useTranslation('factors');
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('close') }}>
      <Stack>
        <ErrorAlert error={error} />
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus={destructive || undefined}>
            {t('cancel')}
          </Button>
          <Button
            color={destructive ? 'red.9' : undefined}
            loading={busy}
            onClick={onConfirm}
            data-autofocus={destructive ? undefined : true}
          >
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

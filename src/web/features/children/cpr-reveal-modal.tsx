import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZRevealCprRequest } from '../../../shared/schemas/children';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { revealCpr } from './queries';

interface TCprRevealModalProps {
  childId: string;
  opened: boolean;
  onClose: () => void;
  onRevealed: (cpr: string) => void;
}

const MIN = 5;
const MAX = 500;

/** Showing a full CPR number needs a written reason; the server logs it with the reveal. */
export function CprRevealModal({ childId, opened, onClose, onRevealed }: TCprRevealModalProps) {
  const { t } = useTranslation('children');
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setReason('');
    setFieldError(undefined);
    setError(null);
    onClose();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    // The server's schema, so the browser and the server agree on what a valid reason is.
    const parsed = ZRevealCprRequest.safeParse({ reason });
    if (!parsed.success) {
      setFieldError(t('cpr.reasonLength', { min: MIN, max: MAX }));
      return;
    }
    setFieldError(undefined);
    setError(null);
    setBusy(true);
    try {
      const { cpr } = await revealCpr(childId, parsed.data.reason);
      onRevealed(cpr);
      close();
    } catch (err) {
      setError(err);
      if (err instanceof ApiError && err.fields.reason) setFieldError(err.fields.reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('cpr.modalTitle')}
      closeButtonProps={{ 'aria-label': t('cpr.close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{t('cpr.explanation')}</Text>
          <ErrorAlert error={error} />
          <Textarea
            label={t('cpr.reason')}
            description={t('cpr.reasonHint', { min: MIN, max: MAX })}
            required
            autosize
            minRows={3}
            maxLength={MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldError}
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cpr.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('cpr.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

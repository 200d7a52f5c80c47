import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api';

/** The server's (already translated) message, or a generic one when there is none. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (error instanceof ApiError) {
      if (error.message) return error.message;
      if (error.code === 'NETWORK') return t('errors.network');
    }
    return t('errors.generic');
  };
}

interface TErrorAlertProps {
  error: unknown;
}

/**
 * Always rendered, so screen readers announce the message when it appears
 * (a live region added together with its text is often not read).
 */
export function ErrorAlert({ error }: TErrorAlertProps) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  return (
    <div aria-live="assertive" aria-atomic="true">
      {error ? (
        <Paper withBorder p="sm" mb="md" className="error-box">
          <Text fw={700}>{t('errors.title')}</Text>
          <Text>{message(error)}</Text>
        </Paper>
      ) : null}
    </div>
  );
}

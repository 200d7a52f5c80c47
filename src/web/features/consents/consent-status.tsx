import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TConsentStatus } from '../../../shared/schemas/consents';

const COLOR: Record<TConsentStatus, string> = {
  valid: 'teal.9',
  pending: 'blue.9',
  expired: 'gray.8',
  withdrawn: 'red.9',
};

export function ConsentStatus({ status }: { status: TConsentStatus }) {
  const { t } = useTranslation('consents');
  return (
    <Badge color={COLOR[status]} variant="filled">
      {t(`status.${status}`)}
    </Badge>
  );
}

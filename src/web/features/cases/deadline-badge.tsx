import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TDeadlineStateValue } from '../../../shared/schemas/cases';

const COLOR: Record<TDeadlineStateValue, string> = {
  metOnTime: 'green',
  metLate: 'orange',
  open: 'blue',
  overdue: 'red',
};

/** A deadline's state in words (never colour alone). */
export function DeadlineBadge({ state }: { state: TDeadlineStateValue }) {
  const { t } = useTranslation('cases');
  return (
    <Badge variant="light" color={COLOR[state]} radius="sm">
      {t(`state.${state}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TMeetingItem } from '../../../shared/schemas/meetings';

/** Which basis lets the reader see the item's child — or why not. */
export function AccessBadge({ item }: { item: TMeetingItem }) {
  const { t } = useTranslation('meetings');
  if (item.kind === 'anonymous')
    return (
      <Badge color="gray.8" variant="outline">
        {t('item.anonymous')}
      </Badge>
    );
  if (!item.access?.allowed)
    return (
      <Badge color="red.9" variant="filled">
        {t(`refusal.${item.access?.reason ?? 'notParticipant'}`)}
      </Badge>
    );
  return (
    <Badge color={item.access.basis === 'consent' ? 'teal.9' : 'blue.9'} variant="filled">
      {t(`basis.${item.access.basis}`)}
    </Badge>
  );
}

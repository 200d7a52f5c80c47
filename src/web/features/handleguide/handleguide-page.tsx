import { Button, Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { handleguideQuery } from '../concerns/queries';
import type { TGuideSign } from '../concerns/types';
import { SignModal } from './sign-modal';
import { SignsTable } from './signs-table';

export function HandleguidePage() {
  const { t } = useTranslation('concerns');
  usePageTitle(t('handleguide.title'));
  const me = useMe();
  const canEdit = can(me, 'manage:handleguide:municipality');
  const guide = useQuery(handleguideQuery);
  const [target, setTarget] = useState<TGuideSign | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  return (
    <Stack>
      <Title order={1}>{t('handleguide.title')}</Title>
      <Text>{t('handleguide.intro')}</Text>
      <div aria-live="polite">{saved ? <Text>{t('handleguide.saved')}</Text> : null}</div>
      {canEdit ? (
        <div>
          <Button onClick={() => setTarget('new')}>{t('handleguide.add')}</Button>
        </div>
      ) : null}
      {guide.isPending ? <Loader aria-label={t('handleguide.loading')} /> : null}
      <ErrorAlert error={guide.error} />
      {guide.data ? <SignsTable signs={guide.data} onEdit={canEdit ? setTarget : undefined} /> : null}
      <SignModal
        target={target}
        onClose={() => setTarget(null)}
        onSaved={() => {
          setTarget(null);
          setSaved(true);
        }}
      />
    </Stack>
  );
}

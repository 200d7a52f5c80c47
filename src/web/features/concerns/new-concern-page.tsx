import { Loader, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { childQuery } from '../children/queries';
import { ConcernForm } from './concern-form';

const concernNewApi = getRouteApi('/app/bekymringer/ny');

export function NewConcernPage() {
  const { childId } = concernNewApi.useSearch();
  return childId ? <NamedConcern childId={childId} /> : <AnonymousConcern />;
}

function NamedConcern({ childId }: { childId: string }) {
  const { t } = useTranslation('concerns');
  const navigate = useNavigate();
  const child = useQuery(childQuery(childId));
  const name = child.data ? `${child.data.firstName} ${child.data.lastName}` : '';
  usePageTitle(name ? t('form.titleFor', { name }) : t('form.title'));
  if (child.isPending) return <Loader aria-label={t('form.loading')} />;
  if (child.error) return <ErrorAlert error={child.error} />;
  const back = () => void navigate({ to: '/boern/$childId', params: { childId } });
  return (
    <Stack>
      <AnchorLink to="/boern/$childId" params={{ childId }} size="sm">
        {name}
      </AnchorLink>
      <Title order={1}>{t('form.titleFor', { name })}</Title>
      <ConcernForm childId={childId} onSaved={back} onCancel={back} />
    </Stack>
  );
}

function AnonymousConcern() {
  const { t } = useTranslation('concerns');
  const navigate = useNavigate();
  usePageTitle(t('form.titleAnonymous'));
  const back = () => void navigate({ to: '/bekymringer' });
  return (
    <Stack>
      <Title order={1}>{t('form.titleAnonymous')}</Title>
      <ConcernForm childId={null} onSaved={back} onCancel={back} />
    </Stack>
  );
}

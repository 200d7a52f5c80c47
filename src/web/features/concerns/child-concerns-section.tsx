import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { can, useMe } from '../auth/session';
import { CoordinatorPanel } from '../coordinators/coordinator-panel';
import { ButtonLink } from './button-link';
import { ConcernTimeline } from './concern-list';
import { childConcernsQuery } from './queries';

/**
 * The child's early-detection part of the profile: its named coordinator and the concerns about it, with
 * a way to record a new one. Fed by its own endpoints, not by the profile document.
 */
export function ChildConcernsSection({ childId }: { childId: string }) {
  const { t } = useTranslation('concerns');
  const me = useMe();
  return (
    <Stack gap="xl">
      <section aria-labelledby="coordinator-title">
        <Title order={2} size="h3" mb="sm" id="coordinator-title">
          {t('coordinator.title')}
        </Title>
        <CoordinatorPanel childId={childId} />
      </section>
      {can(me, 'read:concern:unit') ? (
        <section aria-labelledby="concerns-title">
          <Title order={2} size="h3" mb="sm" id="concerns-title">
            {t('section.title')}
          </Title>
          {can(me, 'write:concern:unit') ? (
            <ButtonLink to="/bekymringer/ny" search={{ childId }} mb="md">
              {t('section.record')}
            </ButtonLink>
          ) : null}
          <Concerns childId={childId} />
        </section>
      ) : null}
    </Stack>
  );
}

function Concerns({ childId }: { childId: string }) {
  const { t } = useTranslation('concerns');
  const concerns = useQuery(childConcernsQuery(childId));
  if (concerns.isPending) return <Loader aria-label={t('section.loading')} />;
  if (concerns.error) {
    const noAccess = concerns.error instanceof ApiError && concerns.error.status === 404;
    return noAccess ? <Text>{t('section.noAccess')}</Text> : <ErrorAlert error={concerns.error} />;
  }
  if (concerns.data.length === 0) return <Text>{t('section.none')}</Text>;
  return <ConcernTimeline concerns={concerns.data} />;
}

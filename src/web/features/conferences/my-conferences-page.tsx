import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { ConferenceTable } from './conference-table';
import { myConferencesQuery } from './queries';

/** The coordinator's conferences. */
export function MyConferencesPage() {
  const { t } = useTranslation('conferences');
  usePageTitle(t('title'));
  const conferences = useQuery(myConferencesQuery);
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {conferences.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={conferences.error} />
      {conferences.data ? (
        conferences.data.items.length === 0 ? (
          <Text>{t('none')}</Text>
        ) : (
          <ConferenceTable items={conferences.data.items} caption={t('mine')} />
        )
      ) : null}
    </Stack>
  );
}

import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { ConferenceTable } from './conference-table';
import { childConferencesQuery } from './queries';
import { ReferConferenceForm } from './refer-conference-form';

/**
 * The child's family group conferences and a referral to one (issue 16, item 4). On the child's profile
 * (a preventive conference) and on its case (a conference in the case).
 */
export function ChildConferencesSection({ childId, caseId }: { childId: string; caseId?: string }) {
  const { t } = useTranslation('conferences');
  const me = useMe();
  const [referring, setReferring] = useState(false);
  const conferences = useQuery(childConferencesQuery(childId));
  if (!can(me, 'read:conference:unit') && !can(me, 'read:conference:team')) return null;
  const canRefer = caseId ? can(me, 'write:conference:team') : can(me, 'write:conference:unit');
  const noAccess = conferences.error instanceof ApiError && conferences.error.status === 404;
  return (
    <TitledSection id="conferences-title" title={t('title')}>
      <Text mb="sm">{t('intro')}</Text>
      {conferences.isPending ? <Loader aria-label={t('loading')} /> : null}
      {noAccess ? <Text>{t('noAccess')}</Text> : <ErrorAlert error={conferences.error} />}
      {conferences.data ? (
        <Stack gap="sm">
          {conferences.data.items.length === 0 ? (
            <Text>{t('none')}</Text>
          ) : (
            <ConferenceTable items={conferences.data.items} caption={t('title')} />
          )}
          {canRefer ? (
            referring ? (
              <Paper withBorder p="md">
                <Title order={3} size="h4" mb="sm">
                  {t('referTitle')}
                </Title>
                <ReferConferenceForm childId={childId} caseId={caseId} onDone={() => setReferring(false)} />
              </Paper>
            ) : (
              <Group>
                <Button variant="light" onClick={() => setReferring(true)}>
                  {t('refer')}
                </Button>
              </Group>
            )
          ) : null}
        </Stack>
      ) : null}
    </TitledSection>
  );
}

import { Stack, Title } from '@mantine/core';
import { createRoute } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { RequirePermission } from '../../components/require-permission';
import { appRoute } from '../auth/app-layout';
import { MeetingForm } from './meeting-form';

export const meetingNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/moeder/ny',
  component: () => (
    <RequirePermission permission="manage:meeting:unit">
      <NewMeetingPage />
    </RequirePermission>
  ),
});

function NewMeetingPage() {
  const { t } = useTranslation('meetings');
  usePageTitle(t('form.pageTitle'));
  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/moeder" size="sm">
          {t('back')}
        </AnchorLink>
        <Title order={1} mt="xs">
          {t('form.pageTitle')}
        </Title>
      </div>
      <MeetingForm />
    </Stack>
  );
}

import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { MeetingForm } from './meeting-form';

export function NewMeetingPage() {
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

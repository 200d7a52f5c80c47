import { Stack, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { OfferForm } from './offer-form';

export function NewOfferPage() {
  const { t } = useTranslation('offers');
  usePageTitle(t('form.createTitle'));
  const navigate = useNavigate();
  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/tilbud" size="sm">
          {t('detail.back')}
        </AnchorLink>
        <Title order={1} mt="xs">
          {t('form.createTitle')}
        </Title>
      </div>
      <OfferForm
        onDone={(saved) => void navigate({ to: '/tilbud/$offerId', params: { offerId: saved.id } })}
      />
    </Stack>
  );
}

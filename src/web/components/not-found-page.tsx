import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from './links';
import { usePageTitle } from './page-title';
import { PlainShell } from './plain-shell';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('notFound.title'));
  return (
    <PlainShell>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text mt="md">{t('notFound.body')}</Text>
      <AnchorLink to="/" mt="md" display="inline-block">
        {t('notFound.home')}
      </AnchorLink>
    </PlainShell>
  );
}

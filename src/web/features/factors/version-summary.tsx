import { Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDay } from './labels';
import type { TCatalogue } from './types';

interface TVersionSummaryProps {
  catalogue: TCatalogue;
  isCurrent: boolean;
  canManage: boolean;
}

/** What the chosen version is, and what that means for changing it. */
export function VersionSummary({ catalogue, isCurrent, canManage }: TVersionSummaryProps) {
  const { t, i18n } = useTranslation('factors');
  const headingId = useId();
  const note =
    catalogue.status === 'draft'
      ? t('versions.isDraft')
      : isCurrent
        ? t('versions.isCurrent')
        : t('versions.olderPublished');
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="xs">
        {t('versions.summary', { version: catalogue.version })}
      </Title>
      <dl className="facts">
        <dt>{t('versions.statusLabel')}</dt>
        <dd>{t(`statusName.${catalogue.status}`)}</dd>
        {catalogue.publishedAt ? (
          <>
            <dt>{t('versions.publishedAt')}</dt>
            <dd>{formatDay(catalogue.publishedAt, i18n.language)}</dd>
          </>
        ) : null}
        <dt>{t('versions.count')}</dt>
        <dd>{catalogue.factors.length}</dd>
      </dl>
      <Text mt="sm">{note}</Text>
      {canManage && catalogue.status === 'published' ? <Text mt="xs">{t('versions.readOnly')}</Text> : null}
    </Paper>
  );
}

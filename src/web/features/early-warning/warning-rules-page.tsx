import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { rulesQuery } from '../alerts/queries';
import { can, useMe } from '../auth/session';
import { RuleCard } from './rule-card';

export function RulesPage() {
  const { t } = useTranslation('concerns');
  usePageTitle(t('rules.title'));
  const me = useMe();
  const canEdit = can(me, 'manage:warning-rule:municipality');
  const rules = useQuery(rulesQuery);
  return (
    <Stack>
      <Title order={1}>{t('rules.title')}</Title>
      <Text>{t('rules.intro')}</Text>
      {canEdit ? null : <Text>{t('rules.readOnly')}</Text>}
      {rules.isPending ? <Loader aria-label={t('rules.loading')} /> : null}
      <ErrorAlert error={rules.error} />
      {rules.data?.map((rule) => (
        <RuleCard key={`${rule.code}-${rule.version}`} rule={rule} canEdit={canEdit} />
      ))}
    </Stack>
  );
}

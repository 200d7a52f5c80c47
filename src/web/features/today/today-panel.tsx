import { Badge, Group, List, Loader, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { TitledSection } from '../../components/titled-section';
import { formatInterval, formatPeriod, formatShare } from '../measurement/format';
import { type TSetupStep, type TTodayItem, type TTodayKeyFigure, todayQuery } from './queries';

/** "What needs me today": counts from /api/v1/today, urgent first, each a link to where the work is done. */
export function TodayPanel() {
  const { t } = useTranslation();
  const today = useQuery(todayQuery);
  if (today.isPending) return <Loader aria-label={t('today.loading')} my="md" />;
  if (today.error) return <ErrorAlert error={today.error} />;
  const { items, setup, keyFigure } = today.data;
  return (
    <Stack gap="lg" mt="lg">
      <TitledSection id="today-heading" title={t('today.title')}>
        {items.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {items.map((item) => (
              <TodayCard key={item.key} item={item} />
            ))}
          </SimpleGrid>
        ) : (
          <Text>{t(setup || keyFigure ? 'today.nothingWaiting' : 'today.nothingYet')}</Text>
        )}
      </TitledSection>
      {keyFigure ? <KeyFigure figure={keyFigure} /> : null}
      {setup ? <SetupChecklist steps={setup} /> : null}
    </Stack>
  );
}

function TodayCard({ item }: { item: TTodayItem }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <AnchorLink to={item.to as never} search={item.search as never} fw={600}>
          {t(`today.item.${item.key}`, { count: item.count })}
        </AnchorLink>
        {item.urgent ? (
          <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
            {t('today.urgent')}
          </Badge>
        ) : null}
      </Group>
    </Paper>
  );
}

function KeyFigure({ figure }: { figure: TTodayKeyFigure }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  return (
    <TitledSection id="key-figure-heading" title={t('today.keyFigure.title')}>
      <Paper withBorder p="md" radius="md">
        <Text size="xl" fw={700}>
          {formatShare(figure.mean, locale)}
        </Text>
        <Text>
          {t('today.keyFigure.detail', {
            period: formatPeriod(figure.period, locale),
            interval: formatInterval(figure.ci95, locale),
            n: figure.n,
            coverage: formatShare(figure.coverage, locale, 0),
          })}
        </Text>
        <AnchorLink to="/maaling" mt="xs" display="inline-block">
          {t('today.keyFigure.more')}
        </AnchorLink>
      </Paper>
    </TitledSection>
  );
}

function SetupChecklist({ steps }: { steps: TSetupStep[] }) {
  const { t } = useTranslation();
  const left = steps.filter((s) => !s.done).length;
  return (
    <TitledSection id="setup-heading" title={t('today.setup.title')}>
      <Text mb="xs">{left === 0 ? t('today.setup.allDone') : t('today.setup.left', { count: left })}</Text>
      <List spacing="xs" listStyleType="none" p={0}>
        {steps.map((step) => (
          <List.Item key={step.key}>
            <Group gap="xs" wrap="nowrap">
              <Badge color={step.done ? 'green' : 'gray'} variant="light" w={90}>
                {t(step.done ? 'today.setup.done' : 'today.setup.missing')}
              </Badge>
              <AnchorLink to={step.to as never}>{t(`today.setup.step.${step.key}`)}</AnchorLink>
            </Group>
          </List.Item>
        ))}
      </List>
    </TitledSection>
  );
}

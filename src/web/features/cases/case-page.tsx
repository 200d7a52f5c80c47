import { Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { ChildConferencesSection } from '../conferences/child-conferences-section';
import { ChildNetworkSection } from '../network/child-network-section';
import { ChildNoticesSection } from '../notices/child-notices-section';
import { AssessmentSection } from './assessment-section';
import { DeadlinesTable, Timeline } from './case-sections';
import { CloseCaseForm } from './close-case-form';
import { ConversationSection } from './conversation-section';
import { DeadlineBadge } from './deadline-badge';
import { FollowUpSection } from './follow-up-section';
import { MeasureSection } from './measure-section';
import { PlanSection } from './plan-section';
import { caseQuery } from './queries';

const caseDetailApi = getRouteApi('/app/sager/$caseId');

export function CasePage() {
  const { t, i18n } = useTranslation('cases');
  const { caseId } = caseDetailApi.useParams();
  const me = useMe();
  const query = useQuery(caseQuery(caseId));
  const c = query.data;
  usePageTitle(c ? t('case.title', { reference: c.reference }) : t('list.title'));
  if (query.isPending) return <Loader aria-label={t('list.title')} />;
  if (!c) return <ErrorAlert error={query.error} />;
  const editable = can(me, 'write:case:team') && c.status === 'open';
  const d = c.deadlines;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('case.title', { reference: c.reference })}</Title>
        {c.status === 'closed' ? (
          <Text fw={700}>{t('status.closed')}</Text>
        ) : (
          <DeadlineBadge state={d.overall} />
        )}
      </Group>
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Stack gap={4}>
            <Text>
              <strong>{t('case.child')}:</strong> {c.child.firstName} {c.child.lastName},{' '}
              {t('case.age', { age: c.child.age })} (
              {t('case.born', { date: formatDate(c.child.birthDate, i18n.language) })})
            </Text>
            <Text>
              <strong>{t('case.team')}:</strong> {c.team.name}
            </Text>
            <Text>
              <strong>{t('case.caseworker')}:</strong> {c.caseworker.name}
            </Text>
            <Text>
              <strong>{t('case.awareOn')}:</strong> {formatDate(c.awareOn, i18n.language)}
            </Text>
            <Text>
              <strong>{t('case.notification')}:</strong>{' '}
              {c.notification ? c.notification.reference : t('case.direct')}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text>
              {d.partyStatus
                ? t('case.partyStatus')
                : t('case.partyStatusFrom', { date: formatDate(d.partyStatusFrom, i18n.language) })}
            </Text>
            {d.planKind === 'youthPlan' ? (
              <Text>{t('case.youthPlan')}</Text>
            ) : c.child.age >= 15 ? (
              <Text>{t('case.youthPlanFrom', { date: formatDate(d.youthPlanFrom, i18n.language) })}</Text>
            ) : null}
            <Text fw={700}>{t('case.guardians')}</Text>
            <List>
              {c.guardians
                .filter((g) => g.hasCustody)
                .map((g) => (
                  <List.Item key={g.id}>{g.name}</List.Item>
                ))}
            </List>
          </Stack>
        </SimpleGrid>
        {c.closedOn ? (
          <Text mt="sm">
            {t('case.closed', { date: formatDate(c.closedOn, i18n.language), reason: c.closedReason })}
          </Text>
        ) : null}
        {editable ? (
          <Group mt="sm">
            <CloseCaseForm c={c} />
          </Group>
        ) : null}
      </Paper>
      <DeadlinesTable c={c} />
      <AssessmentSection c={c} editable={editable} />
      <ConversationSection c={c} editable={editable} />
      <MeasureSection c={c} editable={editable} />
      <PlanSection c={c} editable={editable} />
      <FollowUpSection c={c} editable={editable} />
      <ChildNetworkSection childId={c.child.id} />
      <ChildConferencesSection childId={c.child.id} caseId={c.status === 'open' ? c.id : undefined} />
      <ChildNoticesSection childId={c.child.id} />
      <Timeline c={c} />
    </Stack>
  );
}

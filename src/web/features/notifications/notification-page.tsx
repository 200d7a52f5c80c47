import { Anchor, Group, List, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { ButtonLink } from '../concerns/button-link';
import { AssessmentPanel } from './assessment-panel';
import { Countdown } from './countdown';
import { DecisionPanel } from './decision-panel';
import { MatchPanel } from './match-panel';
import { notificationQuery } from './queries';
import type { TNotificationDetail } from './types';
import './notifications.css';

const notificationDetailApi = getRouteApi('/app/underretninger/$notificationId');

function Facts({ n }: { n: TNotificationDetail }) {
  const { t, i18n } = useTranslation('notifications');
  const g = n.child.given;
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }}>
      <Paper withBorder p="md">
        <Title order={2}>{t('detail.child')}</Title>
        {n.child.id ? (
          <Text fw={700}>
            {n.child.name} ({formatDate(n.child.birthDate, i18n.language)})
          </Text>
        ) : (
          <Text fw={700}>{t('detail.notMatched')}</Text>
        )}
        {n.child.matchedByName ? (
          <Text size="sm">
            {t('detail.matchedBy', {
              name: n.child.matchedByName,
              at: formatDateTime(n.child.matchedAt ?? '', i18n.language),
            })}
          </Text>
        ) : null}
        <Text mt="sm" fw={600}>
          {t('detail.given')}
        </Text>
        <List>
          {g.cprMasked ? <List.Item>{t('detail.givenCpr', { cpr: g.cprMasked })}</List.Item> : null}
          {g.name ? <List.Item>{t('detail.givenName', { name: g.name })}</List.Item> : null}
          {g.birthDate ? (
            <List.Item>
              {t('detail.givenBirthDate', { date: formatDate(g.birthDate, i18n.language) })}
            </List.Item>
          ) : null}
          {g.address ? <List.Item>{t('detail.givenAddress', { address: g.address })}</List.Item> : null}
          {!g.cprMasked && !g.name ? <List.Item>{t('detail.givenChildRecord')}</List.Item> : null}
        </List>
      </Paper>
      <Paper withBorder p="md">
        <Title order={2}>{t('detail.notifier')}</Title>
        <Text>
          {n.source === 'citizen'
            ? t(n.notifier.anonymous ? 'source.citizenAnonymous' : 'source.citizen')
            : `${t(`kind.${n.notifierKind}`)} – ${n.notifier.name ?? ''}${n.notifier.unitName ? `, ${n.notifier.unitName}` : ''}`}
        </Text>
        {n.source === 'citizen' && !n.notifier.anonymous ? (
          <List>
            {n.notifier.name ? <List.Item>{n.notifier.name}</List.Item> : null}
            {n.notifier.phone ? (
              <List.Item>{t('detail.phone', { phone: n.notifier.phone })}</List.Item>
            ) : null}
            {n.notifier.email ? (
              <List.Item>{t('detail.email', { email: n.notifier.email })}</List.Item>
            ) : null}
            {n.notifier.relation ? (
              <List.Item>{t('detail.relation', { relation: n.notifier.relation })}</List.Item>
            ) : null}
          </List>
        ) : null}
        {n.receiptDueOn ? (
          <Text mt="sm">
            {n.receiptQueuedAt
              ? t('detail.receiptSent', { at: formatDateTime(n.receiptQueuedAt, i18n.language) })
              : t('detail.receiptDue', { date: formatDate(n.receiptDueOn, i18n.language) })}
          </Text>
        ) : null}
        {n.outcomeQueuedAt ? (
          <Text>{t('detail.outcomeSent', { at: formatDateTime(n.outcomeQueuedAt, i18n.language) })}</Text>
        ) : null}
      </Paper>
    </SimpleGrid>
  );
}

export function NotificationPage() {
  const { t, i18n } = useTranslation('notifications');
  const { notificationId } = notificationDetailApi.useParams();
  const me = useMe();
  const query = useQuery(notificationQuery(notificationId));
  const n = query.data;
  usePageTitle(n ? t('detail.title', { reference: n.reference }) : t('detail.loadingTitle'));
  if (query.isPending) return <Loader aria-label={t('detail.loading')} />;
  if (!n) return <ErrorAlert error={query.error} />;
  const mayAssess = can(me, 'assess:notification:municipality');
  return (
    <Stack>
      <AnchorLink to="/underretninger">{t('detail.back')}</AnchorLink>
      <Title order={1}>{t('detail.title', { reference: n.reference })}</Title>
      <Group gap="xl">
        <Text>{t('detail.received', { at: formatDateTime(n.receivedAt, i18n.language) })}</Text>
        <Text>
          {t('detail.assessBy', { at: formatDateTime(n.assessmentDueAt, i18n.language) })}{' '}
          <Countdown due={n.assessmentDueAt} done={n.status !== 'new'} />
        </Text>
        <Text fw={700}>{n.decision ? t(`decision.${n.decision.decision}`) : t(`status.${n.status}`)}</Text>
      </Group>
      {n.escalatedAt ? (
        <Text fw={700}>{t('detail.escalated', { at: formatDateTime(n.escalatedAt, i18n.language) })}</Text>
      ) : null}
      <Paper withBorder p="md">
        <Title order={2}>{t('detail.description')}</Title>
        <Text className="notification-text">{n.description}</Text>
        {n.attachments.length > 0 ? (
          <>
            <Title order={3} mt="md">
              {t('detail.attachments')}
            </Title>
            <List>
              {n.attachments.map((a) => (
                <List.Item key={a.id}>
                  <Anchor href={`/api/v1/notifications/${n.id}/attachments/${a.id}`}>
                    {a.fileName} ({Math.ceil(a.sizeBytes / 1024)} kB)
                  </Anchor>
                </List.Item>
              ))}
            </List>
          </>
        ) : null}
      </Paper>
      <Facts n={n} />
      {n.linked.length > 0 ? (
        <Paper withBorder p="md">
          <Title order={2}>{t('detail.linked', { count: n.linked.length })}</Title>
          <List>
            {n.linked.map((l) => (
              <List.Item key={l.id}>
                <AnchorLink to="/underretninger/$notificationId" params={{ notificationId: l.id }}>
                  {l.reference}
                </AnchorLink>{' '}
                – {formatDateTime(l.receivedAt, i18n.language)} –{' '}
                {l.decision ? t(`decision.${l.decision}`) : t('status.open')}
              </List.Item>
            ))}
          </List>
        </Paper>
      ) : null}
      {mayAssess && !n.decision ? <MatchPanel notification={n} /> : null}
      {mayAssess ? <AssessmentPanel key={`a-${n.version}`} notification={n} /> : null}
      {mayAssess ? <DecisionPanel key={`d-${n.version}`} notification={n} /> : null}
      {n.case ? (
        <div>
          <ButtonLink to="/sager/$caseId" params={{ caseId: n.case.id }} variant="light">
            {t('detail.goToCase', { reference: n.case.reference })}
          </ButtonLink>
        </div>
      ) : n.decision &&
        n.decision.decision !== 'noFurtherAction' &&
        n.child.id &&
        can(me, 'write:case:team') ? (
        <div>
          <ButtonLink to="/sager" search={{ notificationId: n.id, childId: n.child.id }} variant="light">
            {t('detail.openCase')}
          </ButtonLink>
        </div>
      ) : null}
    </Stack>
  );
}

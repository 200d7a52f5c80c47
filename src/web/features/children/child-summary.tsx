import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { TitledSection } from '../../components/titled-section';
import { formatPercent } from '../assessments/format';
import { PositionBadge, PositionShape } from '../assessments/position';
import { childAssessmentsQuery } from '../assessments/queries';
import type { TChildAssessments } from '../assessments/types';
import { can, useMe } from '../auth/session';
import { casesQuery } from '../cases/queries';
import { childConcernsQuery } from '../concerns/queries';
import { coordinatorQuery } from '../coordinators/queries';
import { childMeetingsQuery } from '../meetings/queries';

/**
 * The child at a glance (issue 14, item 2): where the child stands now and how it got there, what protects it
 * per theme, the risks in words, who coordinates, open concerns, the next meeting and open actions, and the
 * case with its next deadline — each only where the viewer may see it, from the same answers the sections
 * below use (no extra reads).
 */
export function ChildSummary({ childId }: { childId: string }) {
  const { t } = useTranslation('children');
  const me = useMe();
  return (
    <TitledSection id="child-summary-heading" title={t('summary.title')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {can(me, 'read:assessment:unit') ? <Wellbeing childId={childId} /> : null}
        {can(me, 'read:concern:unit') ? <Concerns childId={childId} /> : null}
        {can(me, 'read:meeting:own') ? <Meetings childId={childId} /> : null}
        {can(me, 'read:case:team') ? <Casework childId={childId} /> : null}
      </SimpleGrid>
    </TitledSection>
  );
}

function Card({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text fw={700} mb={4}>
        {title}
      </Text>
      {children}
    </Paper>
  );
}

function Wellbeing({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('children');
  const assessments = useQuery(childAssessmentsQuery(childId));
  if (!assessments.data) return null;
  const data = assessments.data;
  const latest = data.timeline.at(-1);
  if (!latest) {
    return (
      <Card title={t('summary.position')}>
        <Text>{t('summary.noJoint')}</Text>
      </Card>
    );
  }
  return (
    <>
      <Card title={t('summary.position')}>
        <PositionBadge position={latest.position} />
        <Text size="sm" mt={4}>
          {t('summary.assessedOn', {
            date: formatDate(latest.assessedOn, i18n.language),
            round: latest.round.name,
          })}
        </Text>
        {data.timeline.length > 1 ? <History timeline={data.timeline} /> : null}
      </Card>
      <Card title={t('summary.themes')}>
        <ThemeBars data={data} />
      </Card>
      <Card title={t('summary.risks')}>
        <Risks data={data} />
      </Card>
    </>
  );
}

/** The positions over time as shapes in a row, with the same in words for screen readers. */
function History({ timeline }: { timeline: TChildAssessments['timeline'] }) {
  const { t, i18n } = useTranslation('children');
  const { t: ta } = useTranslation('assessments');
  const words = timeline
    .map((e) => `${ta(`position.${e.position}`)} (${formatDate(e.assessedOn, i18n.language)})`)
    .join(', ');
  return (
    <Group gap={6} mt="xs" aria-label={t('summary.history', { history: words })} role="img">
      {timeline.map((e) => (
        <PositionShape key={e.assessmentId} position={e.position} size={14} />
      ))}
    </Group>
  );
}

/** The latest joint assessment's protective share per theme, as bars with the count they rest on. */
function ThemeBars({ data }: { data: TChildAssessments }) {
  const { t, i18n } = useTranslation('children');
  const latest = data.timeline.at(-1);
  if (!latest) return null;
  return (
    <Stack gap={6}>
      {data.themes.map((theme) => {
        const share = latest.byTheme.find((s) => s.themeCode === theme.code);
        const name = i18n.language === 'en' ? theme.nameEn : theme.nameDa;
        if (!share || share.share === null)
          return (
            <Text key={theme.code} size="sm">
              {t('summary.themeUnknown', { theme: name })}
            </Text>
          );
        return (
          <div key={theme.code}>
            <Text size="sm">
              {t('summary.themeShare', {
                theme: name,
                share: formatPercent(share.share, i18n.language),
                present: share.present,
                assessed: share.assessed,
              })}
            </Text>
            <div className="summary-bar" aria-hidden="true">
              <div className="summary-bar-fill" style={{ width: `${Math.round(share.share * 100)}%` }} />
            </div>
          </div>
        );
      })}
    </Stack>
  );
}

function Risks({ data }: { data: TChildAssessments }) {
  const { t } = useTranslation('children');
  const persistent = data.persistence.filter((p) => p.run >= 2);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {persistent.length > 0
          ? t('summary.persistent', { factors: persistent.map((p) => `${p.label} (${p.run})`).join(', ') })
          : t('summary.noPersistent')}
      </Text>
      <Text size="sm">{t('summary.together', { count: data.coOccurrence.count })}</Text>
    </Stack>
  );
}

function Concerns({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('children');
  const concerns = useQuery(childConcernsQuery(childId));
  const coordinator = useQuery(coordinatorQuery(childId));
  if (!concerns.data) return null;
  const newest = concerns.data[0];
  return (
    <Card title={t('summary.concerns')}>
      <Text size="sm">
        {newest
          ? t('summary.concernCount', {
              count: concerns.data.length,
              date: formatDate(newest.createdAt, i18n.language),
            })
          : t('summary.noConcerns')}
      </Text>
      <Text size="sm" mt={4}>
        {coordinator.data?.coordinator
          ? t('summary.coordinator', { name: coordinator.data.coordinator.name })
          : t('summary.noCoordinator')}
      </Text>
    </Card>
  );
}

function Meetings({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('children');
  const meetings = useQuery(childMeetingsQuery(childId));
  if (!meetings.data) return null;
  // The browser's own calendar day (YYYY-MM-DD).
  const today = new Date().toLocaleDateString('sv-SE');
  const next = meetings.data
    .filter((m) => m.meetingOn >= today)
    .sort((a, b) => a.meetingOn.localeCompare(b.meetingOn))[0];
  const openActions = meetings.data.reduce((sum, m) => sum + m.openActions, 0);
  return (
    <Card title={t('summary.meetings')}>
      <Text size="sm">
        {next ? (
          <AnchorLink to="/moeder/$meetingId" params={{ meetingId: next.meetingId }}>
            {t('summary.nextMeeting', { title: next.title, date: formatDate(next.meetingOn, i18n.language) })}
          </AnchorLink>
        ) : (
          t('summary.noMeeting')
        )}
      </Text>
      <Text size="sm" mt={4}>
        {t('summary.openActions', { count: openActions })}
      </Text>
    </Card>
  );
}

function Casework({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('children');
  const cases = useQuery(casesQuery({ page: 1, status: 'open', childId }));
  const open = cases.data?.items[0];
  if (!cases.data) return null;
  return (
    <Card title={t('summary.case')}>
      {open ? (
        <>
          <AnchorLink to="/sager/$caseId" params={{ caseId: open.id }}>
            {t('summary.caseRef', { reference: open.reference, caseworker: open.caseworker.name })}
          </AnchorLink>
          <Text size="sm" mt={4}>
            {open.nextDue
              ? t(open.overall === 'overdue' ? 'summary.caseOverdue' : 'summary.caseNext', {
                  date: formatDate(open.nextDue, i18n.language),
                })
              : t('summary.caseNoDeadline')}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('summary.noCase')}</Text>
      )}
    </Card>
  );
}

import { Loader, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ChildAssessmentsSection } from '../assessments/child-assessments-section';
import { can, useMe } from '../auth/session';
import { ChildConcernsSection } from '../concerns/child-concerns-section';
import { ChildConferencesSection } from '../conferences/child-conferences-section';
import { FamilyLink } from '../family/family-link';
import { ChildSharingSections } from '../meetings/child-sharing-sections';
import { ChildNetworkSection } from '../network/child-network-section';
import { ChildNoticesSection } from '../notices/child-notices-section';
import { ChildNotifyLink } from '../notifications/child-notify-link';
import { ChildReferralsSection } from '../referrals/child-referrals-section';
import { ChildFacts } from './child-facts';
import { ChildSummary } from './child-summary';
import { EnrolmentsTable } from './enrolments-table';
import { FamilySection } from './family-section';
import { GuardiansTable } from './guardians-table';
import { HouseholdsTable } from './households-table';
import { childQuery } from './queries';
import type { TChildProfile } from './types';

const childProfileApi = getRouteApi('/app/boern/$childId');

export function ChildProfilePage() {
  const { t } = useTranslation('children');
  const { childId } = childProfileApi.useParams();
  const child = useQuery(childQuery(childId));
  // A malformed id (400) is as much "not found" as an unknown or unrelated child (404).
  const notFound =
    child.error instanceof ApiError && (child.error.status === 404 || child.error.status === 400);
  usePageTitle(
    child.data
      ? `${child.data.firstName} ${child.data.lastName}`
      : notFound
        ? t('profile.notFound')
        : t('profile.title'),
  );

  if (child.isPending) return <Loader aria-label={t('profile.loading')} />;
  if (notFound) {
    return (
      <>
        <Title order={1}>{t('profile.notFound')}</Title>
        <Text mt="md">{t('profile.notFoundBody')}</Text>
        <BackLink />
      </>
    );
  }
  if (!child.data) {
    return (
      <>
        <Title order={1}>{t('profile.title')}</Title>
        <ErrorAlert error={child.error} />
      </>
    );
  }
  return <Profile child={child.data} />;
}

function Profile({ child }: { child: TChildProfile }) {
  const { t } = useTranslation('children');
  const { t: ta } = useTranslation('assessments');
  const me = useMe();
  return (
    <Stack gap="xl">
      <div>
        <BackLink />
        <Title order={1} mt="xs">
          {child.firstName} {child.lastName}
        </Title>
      </div>
      <ChildSummary childId={child.id} />
      {can(me, 'read:assessment:unit') ? (
        <Section title={ta('profile.title')}>
          <ChildAssessmentsSection childId={child.id} />
        </Section>
      ) : null}
      <ChildConcernsSection childId={child.id} />
      <ChildNotifyLink childId={child.id} />
      <ChildSharingSections childId={child.id} />
      <ChildNetworkSection childId={child.id} />
      <FamilyLink childId={child.id} />
      <ChildConferencesSection childId={child.id} />
      {can(me, 'read:referral:unit') ? <ChildReferralsSection childId={child.id} /> : null}
      <ChildNoticesSection childId={child.id} />
      <Title order={2} mt="lg">
        {t('summary.personal')}
      </Title>
      <Section level={3} title={t('profile.facts')}>
        <ChildFacts child={child} />
      </Section>
      <Section level={3} title={t('profile.access')}>
        <Text>
          {t(`relation.${child.relation.kind}`, {
            unit: child.relation.unitName ?? '',
            defaultValue: child.relation.kind,
          })}
        </Text>
      </Section>
      <Section level={3} title={t('profile.enrolments')}>
        <EnrolmentsTable enrolments={child.enrolments} />
      </Section>
      <Section level={3} title={t('profile.guardians')}>
        <GuardiansTable guardians={child.guardians} />
      </Section>
      <Section level={3} title={t('profile.households')}>
        <HouseholdsTable households={child.households} />
      </Section>
      <Section level={3} title={t('profile.siblings')}>
        <FamilySection family={child.family} />
      </Section>
    </Stack>
  );
}

function Section({ title, children, level = 2 }: { title: string; children: ReactNode; level?: 2 | 3 }) {
  return (
    <section>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

function BackLink() {
  const { t } = useTranslation('children');
  return (
    <AnchorLink to="/boern" size="sm">
      {t('profile.back')}
    </AnchorLink>
  );
}

import { Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { DistributionBars, DistributionTable, NoDistribution } from './distribution';
import { FollowUpTable } from './follow-up-table';
import { unitWellbeingQuery } from './queries';
import type { TUnitWellbeing } from './types';
import { wellbeingView } from './wellbeing-view';
import './assessments.css';

const unitWellbeingApi = getRouteApi('/app/enheder/$unitId/trivsel');

export function UnitWellbeingPage() {
  const { t } = useTranslation('assessments');
  const { unitId } = unitWellbeingApi.useParams();
  const view = useQuery(unitWellbeingQuery(unitId));
  const notFound = view.error instanceof ApiError && (view.error.status === 404 || view.error.status === 400);
  usePageTitle(
    view.data
      ? t('wellbeing.title', { unit: view.data.unit.name })
      : notFound
        ? t('wellbeing.notFound')
        : t('wellbeing.titlePlain'),
  );
  if (view.data) return <UnitWellbeing data={view.data} />;
  return (
    <>
      <Title order={1}>{notFound ? t('wellbeing.notFound') : t('wellbeing.titlePlain')}</Title>
      {notFound ? <Text mt="md">{t('wellbeing.notFoundBody')}</Text> : <ErrorAlert error={view.error} />}
    </>
  );
}

function UnitWellbeing({ data }: { data: TUnitWellbeing }) {
  const { t } = useTranslation('assessments');
  const { unit, latest, followUp } = data;
  const view = wellbeingView(data);
  const { shown, before } = view;
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('wellbeing.title', { unit: unit.name })}</Title>
        <Text mt="xs">{t('wellbeing.intro')}</Text>
      </div>
      <section aria-labelledby="distribution-heading">
        <Title order={2} size="h3" id="distribution-heading" mb="xs">
          {t('wellbeing.distribution')}
        </Title>
        {view.notYetAssessed ? (
          <Text mb="sm">
            {shown
              ? t('wellbeing.notYetAssessed', { round: view.notYetAssessed, previous: shown.round.name })
              : t('wellbeing.notYetAssessedNoPrevious', { round: view.notYetAssessed })}
          </Text>
        ) : null}
        {latest && shown ? (
          <>
            {view.notYetAssessed ? null : (
              <Text mb="sm">
                {before
                  ? t('wellbeing.comparing', { latest: shown.round.name, previous: before.round.name })
                  : t('wellbeing.onlyLatest', { latest: shown.round.name })}
              </Text>
            )}
            <DistributionBars latest={shown} previous={before} />
            <DistributionTable latest={shown} previous={before} />
            <AnchorLink
              to="/runder/$roundId/enheder/$unitId"
              params={{ roundId: latest.round.id, unitId: unit.id }}
              size="sm"
              mt="sm"
              display="inline-block"
            >
              {t('wellbeing.toProgress', { round: latest.round.name })}
            </AnchorLink>
          </>
        ) : latest ? null : (
          <NoDistribution />
        )}
      </section>
      <section aria-labelledby="follow-up-heading">
        <Title order={2} size="h3" id="follow-up-heading" mb="xs">
          {t('wellbeing.followUp')}
        </Title>
        <Text mb="sm">{t('wellbeing.followUpIntro')}</Text>
        {followUp.length > 0 ? (
          <FollowUpTable
            items={followUp}
            caption={t('wellbeing.followUpCaption', { count: followUp.length })}
          />
        ) : (
          <Text>
            {view.followUpEmpty === 'notYetAssessed'
              ? t('wellbeing.noFollowUpYet', { round: view.notYetAssessed })
              : view.followUpEmpty === 'noneYellowOrRed'
                ? t('wellbeing.noFollowUp')
                : ''}
          </Text>
        )}
      </section>
    </Stack>
  );
}

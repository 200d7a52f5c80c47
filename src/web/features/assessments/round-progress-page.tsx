import { Group, NativeSelect, Progress, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ProgressTable } from './progress-table';
import { roundProgressQuery } from './queries';
import { RoundStatus } from './rounds-table';
import { SHOW, type TProgressChild, type TRoundProgress, type TShow } from './types';
import './assessments.css';
import { can, useMe } from '../auth/session';

const roundProgressApi = getRouteApi('/app/runder/$roundId/enheder/$unitId');

const filters: Record<TShow, (c: TProgressChild) => boolean> = {
  all: () => true,
  missingOwn: (c) => c.ownCount === 0,
  missingMine: (c) => !c.myOwnId,
  missingJoint: (c) => !c.jointId,
  withJoint: (c) => !!c.jointId,
};

export function RoundProgressPage() {
  const { t } = useTranslation('assessments');
  const { roundId, unitId } = roundProgressApi.useParams();
  const progress = useQuery(roundProgressQuery(roundId, unitId));
  const notFound =
    progress.error instanceof ApiError && (progress.error.status === 404 || progress.error.status === 400);
  usePageTitle(
    progress.data
      ? t('progress.title', { round: progress.data.round.name, unit: progress.data.unit.name })
      : notFound
        ? t('progress.notFound')
        : t('progress.loading'),
  );

  if (progress.data) return <Overview data={progress.data} />;
  return (
    <>
      <AnchorLink to="/runder" size="sm">
        {t('progress.back')}
      </AnchorLink>
      <Title order={1} mt="xs">
        {notFound ? t('progress.notFound') : t('progress.loading')}
      </Title>
      {notFound ? <Text mt="md">{t('progress.notFoundBody')}</Text> : <ErrorAlert error={progress.error} />}
    </>
  );
}

function Overview({ data }: { data: TRoundProgress }) {
  const { t, i18n } = useTranslation('assessments');
  const me = useMe();
  const { show = 'all' } = roundProgressApi.useSearch();
  const navigate = useNavigate({ from: '/runder/$roundId/enheder/$unitId' });
  const { round, unit, totals } = data;
  const shown = data.children.filter(filters[show]);
  const progressText = t('progress.jointOf', { count: totals.withJoint, total: totals.children });

  return (
    <Stack gap="lg">
      <div>
        <AnchorLink to="/runder" size="sm">
          {t('progress.back')}
        </AnchorLink>
        <Title order={1} mt="xs">
          {t('progress.title', { round: round.name, unit: unit.name })}
        </Title>
        <Group gap="md" mt="xs">
          <RoundStatus status={round.status} />
          <Text size="sm">
            {t('progress.window', {
              from: formatDate(round.opensOn, i18n.language),
              to: formatDate(round.closesOn, i18n.language),
            })}
          </Text>
        </Group>
      </div>

      <section aria-labelledby="progress-heading">
        <Title order={2} size="h3" id="progress-heading" mb="xs">
          {t('progress.heading')}
        </Title>
        <Progress.Root
          size="xl"
          role="progressbar"
          aria-label={t('progress.barLabel')}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={data.percentJoint}
          aria-valuetext={progressText}
          maw={640}
        >
          <Progress.Section value={data.percentJoint} withAria={false} />
        </Progress.Root>
        <Text mt="xs" fw={700}>
          {progressText} ({data.percentJoint} %)
        </Text>
        <Text size="sm">
          {t('progress.missing', {
            own: totals.missingOwn,
            joint: totals.missingJoint,
            total: totals.children,
          })}
        </Text>
        {round.status !== 'open' ? (
          <Text size="sm" mt="xs">
            {t(`progress.notOpen.${round.status}`)}
          </Text>
        ) : null}
      </section>

      <section aria-labelledby="children-heading">
        <Title order={2} size="h3" id="children-heading" mb="xs">
          {t('progress.childrenHeading')}
        </Title>
        <NativeSelect
          label={t('progress.show')}
          value={show}
          onChange={(e) =>
            void navigate({
              search: {
                show: e.currentTarget.value === 'all' ? undefined : (e.currentTarget.value as TShow),
              },
              replace: true,
            })
          }
          data={SHOW.map((s) => ({ value: s, label: t(`progress.filter.${s}`) }))}
          maw={320}
          mb="sm"
        />
        <Text role="status" mb="xs">
          {t('progress.shown', { count: shown.length, total: totals.children })}
        </Text>
        {shown.length > 0 ? (
          <ProgressTable
            round={round}
            unitId={unit.id}
            items={shown}
            canWrite={can(me, 'write:assessment:unit')}
            caption={t('progress.caption', { unit: unit.name, round: round.name })}
          />
        ) : null}
      </section>
    </Stack>
  );
}

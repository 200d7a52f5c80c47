import { Button, Group, Loader, Modal, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate, formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { AssessmentForm } from './assessment-form';
import { AssessmentSummary } from './assessment-summary';
import { formFactors } from './form-model';
import { ageOn, childName } from './format';
import { PositionBadge } from './position';
import {
  assessmentQuery,
  catalogueQuery,
  invalidateAssessmentViews,
  lockAssessment,
  ownAssessmentsQuery,
  roundsQuery,
} from './queries';
import type { TAssessment } from './types';
import './assessments.css';
import { can, useMe } from '../auth/session';

const newAssessmentApi = getRouteApi('/app/runder/$roundId/boern/$childId/vurdering');
const editAssessmentApi = getRouteApi('/app/vurderinger/$assessmentId');

const notFoundError = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 400);

function BackToProgress({ roundId, unitId }: { roundId: string; unitId?: string }) {
  const { t } = useTranslation('assessments');
  return unitId ? (
    <AnchorLink to="/runder/$roundId/enheder/$unitId" params={{ roundId, unitId }} size="sm">
      {t('form.backToProgress')}
    </AnchorLink>
  ) : (
    <AnchorLink to="/runder" size="sm">
      {t('progress.back')}
    </AnchorLink>
  );
}

function Placeholder({ title, error, back }: { title: string; error?: unknown; back: ReactNode }) {
  const { t } = useTranslation('assessments');
  const notFound = notFoundError(error);
  return (
    <>
      {back}
      <Title order={1} mt="xs">
        {notFound ? t('form.notFound') : title}
      </Title>
      {notFound ? (
        <Text mt="md">{t('form.notFoundBody')}</Text>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : (
        <Loader mt="md" aria-label={t('form.loading')} />
      )}
    </>
  );
}

export function NewAssessmentPage() {
  const { t } = useTranslation('assessments');
  const me = useMe();
  const navigate = useNavigate();
  const { roundId, childId } = newAssessmentApi.useParams();
  const { mode, unitId } = newAssessmentApi.useSearch();
  const rounds = useQuery(roundsQuery);
  const own = useQuery(ownAssessmentsQuery(roundId, childId));
  const round = rounds.data?.find((r) => r.id === roundId);
  const catalogue = useQuery({ ...catalogueQuery(round?.catalogueId ?? ''), enabled: !!round });
  const child = own.data?.child;
  const title = child ? t(`form.title.${mode}`, { name: childName(child) }) : t(`form.titlePlain.${mode}`);
  usePageTitle(title);
  const back = <BackToProgress roundId={roundId} unitId={unitId} />;

  const error = own.error ?? rounds.error ?? catalogue.error;
  if (rounds.data && !round)
    return (
      <Placeholder title={title} error={new ApiError(404, { code: 'NOT_FOUND', message: '' })} back={back} />
    );
  if (!round || !own.data || !catalogue.data || !child)
    return <Placeholder title={title} error={error} back={back} />;

  // Already made: open that one instead of a second (the server would refuse it).
  const mine = own.data.assessments.find((a) => a.author.id === me?.id);
  const existingId = mode === 'joint' ? own.data.joint?.id : mine?.id;

  return (
    <Stack gap="lg">
      <div>
        {back}
        <Title order={1} mt="xs">
          {title}
        </Title>
        <Text mt="xs">{t('form.context', { round: round.name, version: round.catalogueVersion })}</Text>
        <Text size="sm">{t(`form.modeHint.${mode}`)}</Text>
      </div>
      {existingId ? (
        <div role="status">
          <Text>{t(`form.exists.${mode}`)}</Text>
          <AnchorLink to="/vurderinger/$assessmentId" params={{ assessmentId: existingId }}>
            {t(`form.openExisting.${mode}`)}
          </AnchorLink>
        </div>
      ) : null}
      {round.status !== 'open' ? (
        <Text>{t('form.roundNotOpen', { round: round.name })}</Text>
      ) : existingId ? null : (
        <AssessmentForm
          key={`${roundId}:${childId}:${mode}`}
          mode={mode}
          child={child}
          roundId={roundId}
          catalogue={catalogue.data}
          existing={null}
          own={own.data}
          readOnly={false}
          onCreated={(created) =>
            void navigate({
              to: '/vurderinger/$assessmentId',
              params: { assessmentId: created.id },
              search: { saved: true },
              replace: true,
            })
          }
        />
      )}
    </Stack>
  );
}

export function EditAssessmentPage() {
  const { t } = useTranslation('assessments');
  const { assessmentId } = editAssessmentApi.useParams();
  const assessment = useQuery(assessmentQuery(assessmentId));
  const a = assessment.data;
  const title = a ? t(`form.title.${a.mode}`, { name: childName(a.child) }) : t('form.titlePlain.own');
  usePageTitle(title);
  if (!a) return <Placeholder title={title} error={assessment.error} back={<BackToProgress roundId="" />} />;
  return <EditAssessment assessment={a} />;
}

function EditAssessment({ assessment: a }: { assessment: TAssessment }) {
  const { t, i18n } = useTranslation('assessments');
  const me = useMe();
  const queryClient = useQueryClient();
  const { saved } = editAssessmentApi.useSearch();
  const [generation, setGeneration] = useState(0);
  const own = useQuery({ ...ownAssessmentsQuery(a.round.id, a.child.id), enabled: a.mode === 'joint' });
  const catalogue = useQuery(catalogueQuery(a.catalogue.id));
  const mineToEdit = a.mode === 'joint' || a.author.id === me?.id;
  const canWrite = can(me, 'write:assessment:unit') && mineToEdit;
  const readOnly = a.locked || !canWrite;
  const leads = (me?.roles ?? []).some((r) => r.role === 'unitLeader' && r.unitId === a.unit.id);
  const canLock = !a.locked && leads && can(me, 'lock:assessment:unit');

  async function reload() {
    await queryClient.fetchQuery({ ...assessmentQuery(a.id), staleTime: 0 });
    setGeneration((g) => g + 1);
  }

  return (
    <Stack gap="lg">
      <div>
        <BackToProgress roundId={a.round.id} unitId={a.unit.id} />
        <Title order={1} mt="xs">
          {t(`form.title.${a.mode}`, { name: childName(a.child) })}
        </Title>
        <dl className="facts assessment-facts">
          <dt>{t('form.round')}</dt>
          <dd>{a.round.name}</dd>
          <dt>{t('form.unit')}</dt>
          <dd>{a.unit.name}</dd>
          <dt>{a.mode === 'own' ? t('form.author') : t('form.madeBy')}</dt>
          <dd>{a.author.name ?? '–'}</dd>
          <dt>{t('form.assessedOn')}</dt>
          <dd>{formatDate(a.assessedOn, i18n.language)}</dd>
          <dt>{t('form.positionNow')}</dt>
          <dd>
            <PositionBadge position={a.position} />
          </dd>
          <dt>{t('form.lockedLabel')}</dt>
          <dd>
            {a.locked && a.lockedAt
              ? t('form.lockedBy', {
                  at: formatDateTime(a.lockedAt, i18n.language),
                  name: a.lockedBy?.name ?? '–',
                })
              : t('form.notLocked')}
          </dd>
        </dl>
        <AnchorLink to="/boern/$childId" params={{ childId: a.child.id }} size="sm">
          {t('form.toProfile', { name: childName(a.child) })}
        </AnchorLink>
      </div>
      <div role="status">
        {saved && generation === 0 ? <Text fw={700}>{t('form.created')}</Text> : null}
        {readOnly ? <Text>{a.locked ? t('form.readOnlyLocked') : t('form.readOnlyOther')}</Text> : null}
      </div>
      {canLock ? <LockButton assessment={a} /> : null}
      {catalogue.data && readOnly && (a.mode === 'own' || own.data || own.error) ? (
        <AssessmentSummary
          assessment={a}
          factors={formFactors(catalogue.data, ageOn(a.child.birthDate, a.assessedOn), i18n.language)}
          own={own.data}
        />
      ) : catalogue.data && (a.mode === 'own' || own.data || own.error) ? (
        <AssessmentForm
          key={`${a.id}:${generation}`}
          mode={a.mode}
          child={a.child}
          roundId={a.round.id}
          catalogue={catalogue.data}
          existing={a}
          own={own.data}
          readOnly={readOnly}
          onCreated={() => {}}
          onReload={() => void reload()}
        />
      ) : catalogue.error ? (
        <ErrorAlert error={catalogue.error} />
      ) : (
        <Loader aria-label={t('form.loading')} />
      )}
    </Stack>
  );
}

/** The unit leader locks an assessment; after that nobody changes it. */
function LockButton({ assessment }: { assessment: TAssessment }) {
  const { t } = useTranslation('assessments');
  const queryClient = useQueryClient();
  const [opened, { open, close }] = useDisclosure(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onLock() {
    setBusy(true);
    setError(null);
    try {
      await lockAssessment(assessment.id);
      await invalidateAssessmentViews(queryClient);
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Group>
        <Button variant="outline" onClick={open}>
          {t('lock.button')}
        </Button>
      </Group>
      <Modal
        opened={opened}
        onClose={close}
        title={t('lock.title')}
        closeButtonProps={{ 'aria-label': t('close') }}
      >
        <Stack>
          <ErrorAlert error={error} />
          <Text>{t('lock.body')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button onClick={() => void onLock()} loading={busy}>
              {t('lock.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

import { Badge, List, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConferenceStep } from '../../../domain/conferences/phases';
import type { TConference } from '../../../shared/schemas/conference-views';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { CloseForm, DecisionForm } from './approver-forms';
import { InformForm, PlanForm, PrepareForm, PrivateTimeForm, ReviewForm } from './coordinator-forms';
import { conferenceQuery } from './queries';

const conferenceApi = getRouteApi('/app/konferencer/$conferenceId');

const FORMS: Record<TConferenceStep, ((p: { conference: TConference }) => ReactNode) | null> = {
  prepare: PrepareForm,
  inform: InformForm,
  privateTime: PrivateTimeForm,
  plan: PlanForm,
  // Approve and refuse are one decision form.
  approve: DecisionForm,
  refuse: null,
  review: ReviewForm,
  close: CloseForm,
};

/** One family group conference: the referral, what each phase recorded, and the next step for the reader. */
export function ConferencePage() {
  const { t } = useTranslation('conferences');
  const { conferenceId } = conferenceApi.useParams();
  const conference = useQuery(conferenceQuery(conferenceId));
  const me = useMe();
  const c = conference.data;
  usePageTitle(c ? t('pageTitle', { name: c.child.firstName }) : t('title'));
  if (conference.isPending) return <Loader aria-label={t('loading')} />;
  if (!c) {
    const missing = conference.error instanceof ApiError && [400, 404].includes(conference.error.status);
    return (
      <>
        <Title order={1}>{t('title')}</Title>
        {missing ? <Text mt="md">{t('noAccess')}</Text> : <ErrorAlert error={conference.error} />}
      </>
    );
  }
  return (
    <Stack gap="xl">
      <div>
        {can(me, 'coordinate:conference:own') ? (
          <AnchorLink to="/konferencer" size="sm">
            {t('back')}
          </AnchorLink>
        ) : null}
        <Title order={1} mt="xs">
          {t('pageTitle', { name: `${c.child.firstName} ${c.child.lastName}` })}
        </Title>
        <Badge mt="xs" variant="light">
          {t(`phase.${c.phase}`)}
        </Badge>
      </div>
      <Referral c={c} />
      <Content c={c} />
      {c.openSteps.map((step) => {
        const Form = FORMS[step];
        return Form ? <Form key={`${step}-${c.version}`} conference={c} /> : null;
      })}
      <History c={c} />
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={220}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}

function Referral({ c }: { c: TConference }) {
  const { t, i18n } = useTranslation('conferences');
  return (
    <TitledSection id="referral-title" title={t('facts.title')}>
      <Table aria-labelledby="referral-title">
        <Table.Tbody>
          <Fact label={t('facts.reason')}>{c.reason}</Fact>
          <Fact label={t('facts.kind')}>{t(`kind.${c.kind}`)}</Fact>
          <Fact label={t('facts.familyAgreedOn')}>{formatDate(c.familyAgreedOn, i18n.language)}</Fact>
          <Fact label={t('facts.referredBy')}>{c.referredBy.name}</Fact>
          <Fact label={t('facts.coordinator')}>
            {c.coordinator.name}
            {c.coordinator.external ? ` (${t('facts.external')})` : ''}
          </Fact>
          <Fact label={t('facts.phase')}>{t(`phase.${c.phase}`)}</Fact>
        </Table.Tbody>
      </Table>
    </TitledSection>
  );
}

function Content({ c }: { c: TConference }) {
  const { t, i18n } = useTranslation('conferences');
  return (
    <>
      {c.questions.length > 0 ? (
        <TitledSection id="questions-title" title={t('content.questions')}>
          <List type="ordered">
            {c.questions.map((q) => (
              <List.Item key={q}>{q}</List.Item>
            ))}
          </List>
          <Text mt="sm">
            <strong>{t('content.concerns')}:</strong> {c.concerns}
          </Text>
          <Text>
            <strong>{t('content.bottomLines')}:</strong> {c.bottomLines}
          </Text>
          {c.invitees.length > 0 ? (
            <Text mt="sm">
              <strong>{t('content.invitees')}:</strong>{' '}
              {c.invitees
                .map(
                  (i) =>
                    `${i.name}${i.chosenWithChild ? ` (${t('content.chosenWithChild')})` : ''}${i.letterId ? ` – ${t('content.letter')}` : ''}`,
                )
                .join('; ')}
            </Text>
          ) : null}
        </TitledSection>
      ) : null}
      {c.informants.length > 0 ? (
        <TitledSection id="informants-title" title={t('content.informants')}>
          <List>
            {c.informants.map((i) => (
              <List.Item key={`${i.name}-${i.profession}`}>
                {i.name} ({i.profession}): {i.brought}
              </List.Item>
            ))}
          </List>
        </TitledSection>
      ) : null}
      {c.tasks.length > 0 ? (
        <TitledSection id="tasks-title" title={t('content.tasks')}>
          <Table aria-labelledby="tasks-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('task.what')}</Table.Th>
                <Table.Th scope="col">{t('task.who')}</Table.Th>
                <Table.Th scope="col">{t('task.dueOn')}</Table.Th>
                <Table.Th scope="col">{t('task.checkedBy')}</Table.Th>
                <Table.Th scope="col">{t('task.question')}</Table.Th>
                <Table.Th scope="col">{t('task.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.tasks.map((task) => (
                <Table.Tr key={task.id}>
                  <Table.Td>{task.what}</Table.Td>
                  <Table.Td>
                    {task.ownerName} ({t(`owner.${task.ownerKind}`)})
                  </Table.Td>
                  <Table.Td>{formatDate(task.dueOn, i18n.language)}</Table.Td>
                  <Table.Td>{task.checkedBy}</Table.Td>
                  <Table.Td>{task.question + 1}</Table.Td>
                  <Table.Td>{task.reviewStatus ? t(`taskStatus.${task.reviewStatus}`) : '–'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {c.refusalReason ? (
            <Text mt="sm">
              <strong>{t('content.refusal')}:</strong> {c.refusalReason}
            </Text>
          ) : null}
          {c.reviewOn ? (
            <Text mt="sm">
              <strong>{t('content.reviewOn')}:</strong> {formatDate(c.reviewOn, i18n.language)}
            </Text>
          ) : null}
          {c.helped ? (
            <Text>
              <strong>{t('content.helped')}:</strong> {t(`helped.${c.helped}`)}
              {c.reviewNote ? ` – ${c.reviewNote}` : ''}
            </Text>
          ) : null}
        </TitledSection>
      ) : null}
    </>
  );
}

function History({ c }: { c: TConference }) {
  const { t, i18n } = useTranslation('conferences');
  if (c.steps.length === 0) return null;
  return (
    <TitledSection id="history-title" title={t('content.history')}>
      <Table aria-labelledby="history-title">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('content.historyStep')}</Table.Th>
            <Table.Th scope="col">{t('content.historyHeldOn')}</Table.Th>
            <Table.Th scope="col">{t('content.historyBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.steps.map((s) => (
            <Table.Tr key={`${s.at}-${s.step}`}>
              <Table.Td>{t(`step.${s.step}`)}</Table.Td>
              <Table.Td>{formatDate(s.heldOn, i18n.language)}</Table.Td>
              <Table.Td>{s.by}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TitledSection>
  );
}

import { Paper, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNoticeException, TNoticeFollowUp } from '../../../shared/schemas/notices';
import { ActionForm } from '../../components/action-form';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { ExceptionCard } from './exception-card';
import { noticeScope, noticeStatus } from './notice-labels';
import { NoticeOverviewTable } from './notice-overview-table';
import {
  followUpNotice,
  noticeExceptionsQuery,
  noticeFollowUpsQuery,
  reviewNoticeException,
} from './queries';

/**
 * The leaders' page for the duty to inform (issue 23): the overview per unit and round, the exceptions to
 * review, and the recipients waiting for manual follow-up. An analyst sees the overview only, suppressed.
 */
export function NoticesPage() {
  const { t } = useTranslation('notices');
  usePageTitle(t('overview.title'));
  const me = useMe();
  const reviews = can(me, 'manage:notice:unit') || can(me, 'manage:notice:team');
  const overview = can(me, 'manage:notice:unit') || can(me, 'read:notice:municipality');
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('overview.title')}</Title>
        <Text mt="xs">{t('overview.intro')}</Text>
      </div>
      {overview ? (
        <TitledSection id="overview-title" title={t('overview.table')}>
          <NoticeOverviewTable />
        </TitledSection>
      ) : null}
      {reviews ? <ReviewList /> : null}
      {can(me, 'manage:notice:unit') ? <FollowUps /> : null}
    </Stack>
  );
}

function ReviewList() {
  const { t } = useTranslation('notices');
  const [state, setState] = useState<'active' | 'ended'>('active');
  const list = useQuery(noticeExceptionsQuery(state));
  return (
    <TitledSection id="review-title" title={t('review.title')}>
      <Text mb="sm">{t('review.intro')}</Text>
      <SegmentedControl
        mb="sm"
        aria-label={t('review.state')}
        value={state}
        onChange={(v) => setState(v as 'active' | 'ended')}
        data={[
          { value: 'active', label: t('review.active') },
          { value: 'ended', label: t('review.ended') },
        ]}
      />
      <ErrorAlert error={list.error} />
      {list.data?.length === 0 ? <Text>{t('review.none')}</Text> : null}
      <Stack gap="sm">
        {(list.data ?? []).map((x) => (
          <ReviewItem key={x.id} x={x} />
        ))}
      </Stack>
    </TitledSection>
  );
}

function ReviewItem({ x }: { x: TNoticeException }) {
  const { t } = useTranslation('notices');
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const review = useMutation({
    mutationFn: () => reviewNoticeException(x.id, note),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notices'] }),
  });
  return (
    <div>
      <Text fw={700} mb={4}>
        {t('review.child')}:{' '}
        <AnchorLink to="/boern/$childId" params={{ childId: x.childId }}>
          {x.childName}
        </AnchorLink>
      </Text>
      <ExceptionCard x={x} canEnd={false}>
        {x.endedAt ? null : (
          <ActionForm
            onSubmit={() => review.mutate()}
            error={review.error}
            pending={review.isPending}
            submitLabel={t('review.submit')}
          >
            <Textarea
              label={t('review.note')}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
              error={fieldError(review.error, 'note')}
              autosize
              minRows={1}
            />
          </ActionForm>
        )}
        <div aria-live="polite">{review.isSuccess ? <Text size="sm">{t('review.done')}</Text> : null}</div>
      </ExceptionCard>
    </div>
  );
}

function FollowUps() {
  const { t } = useTranslation('notices');
  const list = useQuery(noticeFollowUpsQuery);
  return (
    <TitledSection id="follow-ups-title" title={t('followUps.title')}>
      <Text mb="sm">{t('followUps.intro')}</Text>
      <ErrorAlert error={list.error} />
      {list.data?.length === 0 ? <Text>{t('followUps.none')}</Text> : null}
      <Stack gap="sm">
        {(list.data ?? []).map((n) => (
          <FollowUpItem key={n.id} n={n} />
        ))}
      </Stack>
    </TitledSection>
  );
}

function FollowUpItem({ n }: { n: TNoticeFollowUp }) {
  const { t, i18n } = useTranslation('notices');
  const client = useQueryClient();
  const [note, setNote] = useState('');
  const done = useMutation({
    mutationFn: () => followUpNotice(n.id, note),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notices'] }),
  });
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Text fw={700}>
          {n.recipientName || t('section.noGuardian')} — {n.children.map((c) => c.firstName).join(', ')}
        </Text>
        <Text size="sm">
          {t(`kind.${n.kind}`)} · {noticeScope(n)} · {n.unitName ?? ''} ·{' '}
          {formatDateTime(n.createdAt, i18n.language)}
        </Text>
        <Text size="sm">{noticeStatus(t, n)}</Text>
        <ActionForm
          onSubmit={() => done.mutate()}
          error={done.error}
          pending={done.isPending}
          submitLabel={t('followUps.submit')}
        >
          <Textarea
            label={t('followUps.note')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={fieldError(done.error, 'note')}
            autosize
            minRows={1}
            withAsterisk
          />
        </ActionForm>
      </Stack>
    </Paper>
  );
}

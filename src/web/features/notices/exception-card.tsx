import { Button, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TNoticeException } from '../../../shared/schemas/notices';
import { ActionForm } from '../../components/action-form';
import { fieldError } from '../../components/field-errors';
import { formatDate, formatDateTime } from '../../components/format';
import { endNoticeException } from './queries';

/** One exception: what it holds back, on which ground, why, until when, who recorded and reviewed it. */
export function ExceptionCard({
  x,
  canEnd,
  children,
}: {
  x: TNoticeException;
  canEnd: boolean;
  children?: React.ReactNode;
}) {
  const { t, i18n } = useTranslation('notices');
  const client = useQueryClient();
  const [ending, setEnding] = useState(false);
  const [note, setNote] = useState('');
  const end = useMutation({
    mutationFn: () => endNoticeException(x.id, note),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notices'] }),
  });
  return (
    <Paper withBorder p="md">
      <Stack gap={4}>
        <Text fw={700}>
          {t('exception.summary', { decision: t(`decision.${x.decision}`), ground: t(`ground.${x.ground}`) })}
        </Text>
        <Text size="sm">{x.kinds.map((k) => t(`kind.${k}`)).join(', ')}</Text>
        <Text>{x.reason}</Text>
        <Text size="sm">
          {x.untilCaseDecides
            ? t('exception.untilCase')
            : t('exception.until', { date: formatDate(x.untilDate, i18n.language) })}
        </Text>
        <Text size="sm">
          {t('exception.recordedBy', {
            date: formatDateTime(x.recordedAt, i18n.language),
            by: x.recordedBy,
            place: x.placeName ?? '',
          })}
        </Text>
        {x.endedAt ? (
          <Text size="sm">
            {t('exception.endedOn', { date: formatDateTime(x.endedAt, i18n.language) })} —{' '}
            {x.endCause ? t(`exception.endCause.${x.endCause}`) : ''}
            {x.endNote ? `: ${x.endNote}` : ''}
          </Text>
        ) : (
          <Text size="sm">{t('exception.withheld', { count: x.withheld })}</Text>
        )}
        <Text size="sm">
          {x.reviewedAt
            ? `${t('exception.reviewed', { by: x.reviewedBy ?? '', date: formatDateTime(x.reviewedAt, i18n.language) })}${x.reviewNote ? `: ${x.reviewNote}` : ''}`
            : t('exception.notReviewed')}
        </Text>
        {children}
        {canEnd && !x.endedAt ? (
          ending ? (
            <ActionForm
              onSubmit={() => end.mutate()}
              error={end.error}
              pending={end.isPending}
              submitLabel={t('section.endConfirm')}
            >
              <Textarea
                label={t('section.endNote')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={fieldError(end.error, 'note')}
                autosize
                minRows={2}
                withAsterisk
              />
            </ActionForm>
          ) : (
            <div>
              <Button variant="light" size="compact-sm" mt="xs" onClick={() => setEnding(true)}>
                {t('section.end')}
              </Button>
            </div>
          )
        ) : null}
        <div aria-live="polite">{end.isSuccess ? <Text size="sm">{t('section.ended')}</Text> : null}</div>
      </Stack>
    </Paper>
  );
}

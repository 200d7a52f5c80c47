import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { LETTER_STATUSES, type TLetterStatus } from '../../../shared/schemas/letters';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { PagedTable } from '../../components/paged-table';
import { can, useMe } from '../auth/session';
import { letterPdfUrl, lettersQuery, retryLetter } from './queries';

const lettersOutboxApi = getRouteApi('/app/breve');

const COLOR: Record<TLetterStatus, string> = { queued: 'blue', sent: 'green', failed: 'red' };

export function OutboxPage() {
  const { t, i18n } = useTranslation('letters');
  usePageTitle(t('title'));
  const me = useMe();
  const search = lettersOutboxApi.useSearch();
  const navigate = useNavigate({ from: '/breve' });
  const page = search.page ?? 1;
  const list = useQuery({
    ...lettersQuery({ page, status: search.status }),
    placeholderData: keepPreviousData,
  });
  const client = useQueryClient();
  const retry = useMutation({
    mutationFn: retryLetter,
    onSuccess: () => client.invalidateQueries({ queryKey: ['letters'] }),
  });
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      <Group align="end">
        <NativeSelect
          label={t('filter')}
          value={search.status ?? ''}
          onChange={(e) => {
            const v = e.currentTarget.value as TLetterStatus | '';
            void navigate({ search: { page: undefined, status: v || undefined } });
          }}
          data={[
            { value: '', label: t('all') },
            ...LETTER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
          ]}
        />
        {list.data ? (
          <Text role="status" pb={6}>
            {t('counts', { ...list.data.counts })}
          </Text>
        ) : null}
      </Group>
      <ErrorAlert error={list.error ?? retry.error} />
      <Text role="status" aria-live="polite">
        {retry.isSuccess ? t('retried') : ''}
      </Text>
      <PagedTable
        data={list.data}
        pending={list.isPending}
        loadingLabel={t('title')}
        emptyText={t('empty')}
        pagerLabel={t('title')}
        minWidth={800}
        page={page}
        onPageChange={(p) => void navigate({ search: { ...search, page: p } })}
        head={
          <>
            <Table.Th scope="col">{t('col.created')}</Table.Th>
            <Table.Th scope="col">{t('col.kind')}</Table.Th>
            <Table.Th scope="col">{t('col.recipient')}</Table.Th>
            <Table.Th scope="col">{t('col.subject')}</Table.Th>
            <Table.Th scope="col">{t('col.status')}</Table.Th>
            <Table.Th scope="col">{t('col.pdf')}</Table.Th>
          </>
        }
        row={(l) => (
          <Table.Tr>
            <Table.Td>{formatDateTime(l.createdAt, i18n.language)}</Table.Td>
            <Table.Td>{t(`kind.${l.kind}`, { defaultValue: l.kind })}</Table.Td>
            <Table.Td>{l.recipientName}</Table.Td>
            <Table.Td>{l.subject}</Table.Td>
            <Table.Td>
              <Badge variant="light" color={COLOR[l.status]} radius="sm">
                {t(`status.${l.status}`)}
              </Badge>
              {l.sentAt ? <Text size="sm">{formatDateTime(l.sentAt, i18n.language)}</Text> : null}
              {l.status !== 'sent' && l.attempts > 0 ? (
                <Text size="sm">
                  {t('attempts', { count: l.attempts })}
                  {l.lastError ? ` · ${t('lastError', { error: l.lastError })}` : ''}
                </Text>
              ) : null}
              {l.status === 'failed' && can(me, 'manage:letter:municipality') ? (
                <Button size="compact-sm" variant="light" mt={4} onClick={() => retry.mutate(l.id)}>
                  {t('retry')}
                </Button>
              ) : null}
            </Table.Td>
            <Table.Td>
              <Anchor
                href={letterPdfUrl(l.id)}
                target="_blank"
                rel="noopener"
                aria-label={t('openPdf', { subject: l.subject, recipient: l.recipientName })}
              >
                {t('pdf')}
              </Anchor>
            </Table.Td>
          </Table.Tr>
        )}
      />
    </Stack>
  );
}

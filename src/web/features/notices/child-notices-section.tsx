import { Button, Group, List, Loader, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TChildNotices } from '../../../shared/schemas/notices';
import { ApiError } from '../../api';
import { ActionForm } from '../../components/action-form';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import { ExceptionCard } from './exception-card';
import { ExceptionFields, emptyException, exceptionRequest } from './exception-fields';
import { noticeScope, noticeStatus } from './notice-labels';
import { childNoticesQuery, recordNoticeException } from './queries';

/**
 * The child's information notices (issue 23): which letters went to whom and when, what still waits, and the
 * exceptions recorded — with a way to record one. On the child's profile and on its case.
 */
export function ChildNoticesSection({ childId }: { childId: string }) {
  const { t } = useTranslation('notices');
  const me = useMe();
  if (!can(me, 'read:notice:unit') && !can(me, 'read:notice:team')) return null;
  const canWrite = can(me, 'write:notice-exception:unit') || can(me, 'write:notice-exception:team');
  return (
    <TitledSection id="notices-title" title={t('section.title')}>
      <Text mb="sm">{t('section.intro')}</Text>
      <ChildNotices childId={childId} canWrite={canWrite} />
    </TitledSection>
  );
}

function ChildNotices({ childId, canWrite }: { childId: string; canWrite: boolean }) {
  const { t } = useTranslation('notices');
  const notices = useQuery(childNoticesQuery(childId));
  if (notices.isPending) return <Loader aria-label={t('section.loading')} />;
  if (notices.error) {
    const noAccess = notices.error instanceof ApiError && notices.error.status === 404;
    return noAccess ? <Text>{t('section.noAccess')}</Text> : <ErrorAlert error={notices.error} />;
  }
  return (
    <Stack gap="lg">
      <NoticesTable data={notices.data} />
      {notices.data.pending.length > 0 ? (
        <div>
          <Text fw={700} component="h3" mb={4}>
            {t('section.pending')}
          </Text>
          <List>
            {notices.data.pending.map((p) => (
              <List.Item key={`${p.kind}:${p.period}:${p.roundName ?? ''}`}>
                {t(p.held ? 'section.pendingHeld' : 'section.pendingWaiting', {
                  kind: t(`kind.${p.kind}`),
                  period: noticeScope(p),
                })}
              </List.Item>
            ))}
          </List>
        </div>
      ) : null}
      <div>
        <Text fw={700} component="h3" mb={4}>
          {t('section.exceptions')}
        </Text>
        <Stack gap="sm">
          {notices.data.exceptions.length === 0 ? <Text>{t('section.noExceptions')}</Text> : null}
          {notices.data.exceptions.map((x) => (
            <ExceptionCard key={x.id} x={x} canEnd={x.canEnd} />
          ))}
        </Stack>
      </div>
      {canWrite ? <NewException childId={childId} /> : null}
    </Stack>
  );
}

function NoticesTable({ data }: { data: TChildNotices }) {
  const { t, i18n } = useTranslation('notices');
  if (data.notices.length === 0) return <Text>{t('section.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('section.col.date')}</Table.Th>
            <Table.Th scope="col">{t('section.col.kind')}</Table.Th>
            <Table.Th scope="col">{t('section.col.recipient')}</Table.Th>
            <Table.Th scope="col">{t('section.col.children')}</Table.Th>
            <Table.Th scope="col">{t('section.col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.notices.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>{formatDateTime(n.sentAt ?? n.createdAt, i18n.language)}</Table.Td>
              <Table.Td>
                {t(`kind.${n.kind}`)} · {noticeScope(n)}
              </Table.Td>
              <Table.Td>
                {n.recipientName || t('section.noGuardian')}
                {n.audience === 'child' ? ` (${t('audience.child').toLowerCase()})` : ''}
              </Table.Td>
              <Table.Td>{n.children.map((c) => c.firstName).join(', ')}</Table.Td>
              <Table.Td>
                {noticeStatus(t, n)}
                {n.handledNote ? `: ${n.handledNote}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NewException({ childId }: { childId: string }) {
  const { t } = useTranslation('notices');
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState(() => emptyException(['round', 'concern', 'meetingItem']));
  const save = useMutation({
    mutationFn: () => recordNoticeException(childId, exceptionRequest(draft)),
    onSuccess: async () => {
      setOpen(false);
      setDraft(emptyException(['round', 'concern', 'meetingItem']));
      await client.invalidateQueries({ queryKey: ['notices'] });
    },
  });
  return (
    <div>
      <div aria-live="polite">
        {save.isSuccess && !open ? <Text mb="xs">{t('section.saved')}</Text> : null}
      </div>
      {open ? (
        <ActionForm
          onSubmit={() => save.mutate()}
          error={save.error}
          pending={save.isPending}
          submitLabel={t('section.save')}
        >
          <ExceptionFields value={draft} onChange={setDraft} error={save.error} />
          <Group>
            <Button variant="subtle" onClick={() => setOpen(false)}>
              {t('section.cancel')}
            </Button>
          </Group>
        </ActionForm>
      ) : (
        <Button variant="light" onClick={() => setOpen(true)}>
          {t('section.record')}
        </Button>
      )}
    </div>
  );
}

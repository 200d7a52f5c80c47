import { Badge, Button, Group, NativeSelect, Paper, Stack, Table, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ACTION_STATUSES,
  type TAction,
  type TActionStatus,
  type TMeeting,
} from '../../../shared/schemas/meetings';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { can, useMe } from '../auth/session';
import { ReferralForm } from '../referrals/referral-form';
import { createAction, updateAction } from './queries';

/**
 * The item's actions: owner, due date, status (its owner or the organiser moves it). On an item about a named
 * child the reader may see, an adult who refers children refers the child from an action (issue 15, item 3).
 */
export function ActionsTable({
  actions,
  meeting,
  position,
  childId,
}: {
  actions: TAction[];
  meeting: TMeeting;
  position: number;
  childId?: string;
}) {
  const { t, i18n } = useTranslation('meetings');
  const { t: to } = useTranslation('offers');
  const me = useMe();
  const [referring, setReferring] = useState<TAction | null>(null);
  const canRefer = Boolean(childId) && can(me, 'write:referral:unit') && can(me, 'read:consent:unit');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  async function move(a: TAction, status: TActionStatus) {
    setError(null);
    try {
      await updateAction(a.id, { version: a.version, status });
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      await queryClient.invalidateQueries({ queryKey: ['my-work'] });
    } catch (e) {
      setError(e);
    }
  }
  if (actions.length === 0) return null;
  return (
    <Stack gap="xs">
      <ErrorAlert error={error} />
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t('actions.tableLabel', { position })}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('actions.title')}</Table.Th>
              <Table.Th scope="col">{t('actions.owner')}</Table.Th>
              <Table.Th scope="col">{t('actions.dueOn')}</Table.Th>
              <Table.Th scope="col">{t('actions.status')}</Table.Th>
              {canRefer ? <Table.Th scope="col">{to('referrals.title')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {actions.map((a) => {
              const mayMove = a.owner.id === me?.id || meeting.organiser.id === me?.id;
              return (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.owner.name}</Table.Td>
                  <Table.Td>
                    {formatDate(a.dueOn, i18n.language)}{' '}
                    {a.overdue ? (
                      <Badge color="red.9" variant="filled">
                        {t('actions.overdue')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td>
                    {mayMove ? (
                      <NativeSelect
                        aria-label={t('actions.statusOf', { title: a.title })}
                        value={a.status}
                        onChange={(e) => void move(a, e.currentTarget.value as TActionStatus)}
                        data={ACTION_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
                      />
                    ) : (
                      t(`status.${a.status}`)
                    )}
                  </Table.Td>
                  {canRefer ? (
                    <Table.Td>
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        aria-label={to('referrals.referFromActionNamed', { title: a.title })}
                        onClick={() => setReferring(a)}
                      >
                        {to('referrals.referFromAction')}
                      </Button>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {canRefer && childId && referring ? (
        <Paper withBorder p="md">
          <ReferralForm
            key={referring.id}
            childId={childId}
            origin={{ kind: 'action', actionId: referring.id, text: referring.title }}
            onDone={() => setReferring(null)}
          />
        </Paper>
      ) : null}
    </Stack>
  );
}

/** A new action needs a title, an owner who takes part, and a due date. */
export function AddActionForm({
  itemId,
  meeting,
  onDone,
}: {
  itemId: string;
  meeting: TMeeting;
  onDone?: () => void;
}) {
  const { t } = useTranslation('meetings');
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createAction(itemId, { title, ownerId, dueOn } as {
        title: string;
        ownerId: string;
        dueOn: string;
      });
      setTitle('');
      setOwnerId('');
      setDueOn('');
      await queryClient.invalidateQueries({ queryKey: ['meetings', 'one', meeting.id] });
      onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} noValidate aria-label={t('actions.add')}>
      <Stack gap="xs">
        <ErrorAlert error={error} />
        <Stack gap="xs">
          <TextInput
            label={t('actions.title')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            error={fieldError(error, 'title')}
            required
          />
          <NativeSelect
            label={t('actions.owner')}
            value={ownerId}
            onChange={(e) => setOwnerId(e.currentTarget.value)}
            data={[
              { value: '', label: t('actions.chooseOwner') },
              ...meeting.people.map((p) => ({ value: p.userId, label: p.name })),
            ]}
            error={fieldError(error, 'ownerId')}
            required
          />
          <TextInput
            type="date"
            label={t('actions.dueOn')}
            value={dueOn}
            onChange={(e) => setDueOn(e.currentTarget.value)}
            error={fieldError(error, 'dueOn')}
            required
          />
        </Stack>
        <Group>
          <Button type="submit" loading={busy}>
            {t('actions.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Loader, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { useMe } from '../auth/session';
import { candidatesQuery, coordinatorQuery, setCoordinator, type TCoordinator } from './queries';

/** Who the child's named coordinator is, when the parents were told, and — for its unit leader — a way to set it. */
export function CoordinatorPanel({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('concerns');
  const me = useMe();
  const query = useQuery(coordinatorQuery(childId));
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  if (query.isPending) return <Loader aria-label={t('section.loading')} />;
  if (query.error) {
    return query.error instanceof ApiError && query.error.status === 404 ? null : (
      <ErrorAlert error={query.error} />
    );
  }
  const { coordinator, canSet } = query.data;
  return (
    <Stack gap="xs">
      {coordinator ? (
        <>
          <Text>
            {coordinator.userId === me?.id
              ? t('coordinator.you')
              : t('coordinator.is', { name: coordinator.name })}
          </Text>
          <Text size="sm">
            {t('coordinator.setBy', {
              name: coordinator.setByName,
              date: formatDate(coordinator.setAt.slice(0, 10), i18n.language),
            })}{' '}
            {coordinator.parentsInformedOn
              ? t('coordinator.parentsTold', {
                  date: formatDate(coordinator.parentsInformedOn, i18n.language),
                })
              : t('coordinator.parentsNotTold')}
          </Text>
        </>
      ) : (
        <Text>{t('coordinator.none')}</Text>
      )}
      <div aria-live="polite">{saved ? <Text size="sm">{t('coordinator.saved')}</Text> : null}</div>
      {canSet ? (
        <div>
          <Button variant="light" onClick={() => setEditing(true)}>
            {coordinator ? t('coordinator.change') : t('coordinator.set')}
          </Button>
        </div>
      ) : null}
      <Modal
        opened={editing}
        onClose={() => setEditing(false)}
        title={t('coordinator.modalTitle')}
        closeButtonProps={{ 'aria-label': t('coordinator.close') }}
      >
        {editing ? (
          <CoordinatorForm
            childId={childId}
            current={coordinator}
            onDone={() => {
              setEditing(false);
              setSaved(true);
            }}
            onCancel={() => setEditing(false)}
          />
        ) : null}
      </Modal>
    </Stack>
  );
}

interface TFormProps {
  childId: string;
  current: TCoordinator | null;
  onDone: () => void;
  onCancel: () => void;
}

function CoordinatorForm({ childId, current, onDone, onCancel }: TFormProps) {
  const { t } = useTranslation('concerns');
  const queryClient = useQueryClient();
  const candidates = useQuery(candidatesQuery(childId));
  const [userId, setUserId] = useState(current?.userId ?? '');
  const [informedOn, setInformedOn] = useState(current?.parentsInformedOn ?? '');
  const [note, setNote] = useState(current?.parentsInformedNote ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await setCoordinator(childId, {
        userId,
        parentsInformedOn: informedOn || null,
        parentsInformedNote: note || null,
        ...(current ? { version: current.version } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['coordinator'] });
      onDone();
    } catch (e) {
      setError(e);
      if (e instanceof ApiError && e.status === 409)
        await queryClient.invalidateQueries({ queryKey: ['coordinator'] });
    } finally {
      setBusy(false);
    }
  }

  if (candidates.isPending) return <Loader aria-label={t('section.loading')} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={error ?? candidates.error} />
        <NativeSelect
          label={t('coordinator.user')}
          description={t('coordinator.userHint')}
          required
          value={userId}
          onChange={(e) => setUserId(e.currentTarget.value)}
          error={fieldError(error, 'userId')}
          data={[
            { value: '', label: '–' },
            ...(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.unitName})` })),
          ]}
        />
        <TextInput
          label={t('coordinator.parentsInformedOn')}
          value={informedOn}
          onChange={(e) => setInformedOn(e.currentTarget.value)}
          error={fieldError(error, 'parentsInformedOn')}
          placeholder="2026-01-31"
        />
        <Textarea
          label={t('coordinator.parentsInformedNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fieldError(error, 'parentsInformedNote')}
          autosize
          minRows={2}
        />
        <div>
          <Button type="submit" loading={busy} disabled={!userId} mr="sm">
            {t('coordinator.save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('coordinator.cancel')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

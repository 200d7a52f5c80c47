import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { caseApi, caseTeamsQuery } from './queries';

interface TProps {
  opened: boolean;
  onClose: () => void;
  initial: { childId?: string; notificationId?: string };
}

/** Opens a case for a child or from a notification, in one of the user's teams, for one of its caseworkers. */
export function OpenCaseModal({ opened, onClose, initial }: TProps) {
  const { t } = useTranslation('cases');
  const teams = useQuery({ ...caseTeamsQuery, enabled: opened });
  const [childId, setChildId] = useState(initial.childId ?? '');
  const [notificationId, setNotificationId] = useState(initial.notificationId ?? '');
  const [teamId, setTeamId] = useState('');
  const [caseworkerId, setCaseworkerId] = useState('');
  // From a notification the server takes the day it was received, unless told otherwise.
  const [awareOn, setAwareOn] = useState(initial.notificationId ? '' : new Date().toISOString().slice(0, 10));
  const client = useQueryClient();
  const navigate = useNavigate();
  const team = teams.data?.find((x) => x.id === (teamId || teams.data?.[0]?.id));
  const open = useMutation({
    mutationFn: () =>
      caseApi.open({
        childId: childId.trim() || undefined,
        notificationId: notificationId.trim() || undefined,
        teamId: team?.id ?? '',
        caseworkerId: caseworkerId || team?.caseworkers[0]?.id || '',
        awareOn: awareOn || undefined,
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ['cases'] });
      onClose();
      void navigate({ to: '/sager/$caseId', params: { caseId: c.id } });
    },
  });
  const err = open.error;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('open.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('open.cancel') }}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate();
        }}
      >
        <Stack>
          <ErrorAlert error={err} />
          <TextInput
            label={t('open.childId')}
            description={t('open.childHelp')}
            value={childId}
            onChange={(e) => setChildId(e.currentTarget.value)}
            error={fieldError(err, 'childId')}
          />
          <TextInput
            label={t('open.notificationId')}
            value={notificationId}
            onChange={(e) => setNotificationId(e.currentTarget.value)}
            error={fieldError(err, 'notificationId')}
          />
          <NativeSelect
            label={t('open.team')}
            value={team?.id ?? ''}
            onChange={(e) => {
              setTeamId(e.currentTarget.value);
              setCaseworkerId('');
            }}
            data={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            error={fieldError(err, 'teamId')}
          />
          <NativeSelect
            label={t('open.caseworker')}
            value={caseworkerId || team?.caseworkers[0]?.id || ''}
            onChange={(e) => setCaseworkerId(e.currentTarget.value)}
            data={(team?.caseworkers ?? []).map((c) => ({
              value: c.id,
              label: t('change.load', { name: c.name, count: c.openCases }),
            }))}
            error={fieldError(err, 'caseworkerId')}
          />
          <TextInput
            type="date"
            label={t('open.awareOn')}
            description={t('open.awareHelp')}
            value={awareOn}
            onChange={(e) => setAwareOn(e.currentTarget.value)}
            error={fieldError(err, 'awareOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('open.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending}>
              {t('open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

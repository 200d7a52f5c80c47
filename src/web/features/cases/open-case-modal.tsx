import { Button, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { useMe } from '../auth/session';
import { notificationQuery } from '../notifications/queries';
import { caseApi, caseTeamsQuery, openableNotificationsQuery } from './queries';
import { todayIso } from './use-case-mutation';

interface TProps {
  opened: boolean;
  onClose: () => void;
  initial: { childId?: string; notificationId?: string };
}

/** The day a notification was received, in Denmark: when the municipality became aware, unless told otherwise. */
function receivedDay(receivedAt: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date(receivedAt));
}

/**
 * Opens a case from a notification (chosen by its reference and child, never by id) or for the child it was
 * given, in one of the user's teams, for one of its caseworkers — the user when the user is one.
 */
export function OpenCaseModal({ opened, onClose, initial }: TProps) {
  const { t, i18n } = useTranslation('cases');
  const me = useMe();
  const teams = useQuery({ ...caseTeamsQuery, enabled: opened });
  const [notificationId, setNotificationId] = useState(initial.notificationId ?? '');
  const choosing = !initial.notificationId && !initial.childId;
  const openable = useQuery({ ...openableNotificationsQuery, enabled: opened && choosing });
  const notification = useQuery({
    ...notificationQuery(notificationId),
    enabled: opened && !!notificationId,
  });
  const [teamId, setTeamId] = useState('');
  const [caseworkerId, setCaseworkerId] = useState('');
  const [awareOn, setAwareOn] = useState<string | null>(null);
  const [missingAware, setMissingAware] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  const ownTeam = teams.data?.find((x) => x.caseworkers.some((c) => c.id === me?.id));
  const team = teams.data?.find((x) => x.id === (teamId || ownTeam?.id || teams.data?.[0]?.id));
  const defaultWorker = team?.caseworkers.find((c) => c.id === me?.id)?.id ?? '';
  const worker = caseworkerId || defaultWorker;
  const n = notificationId ? notification.data : undefined;
  const aware =
    awareOn ?? (n ? receivedDay(n.receivedAt) : initial.childId && !notificationId ? todayIso() : '');
  const open = useMutation({
    mutationFn: () =>
      caseApi.open({
        childId: notificationId ? undefined : initial.childId,
        notificationId: notificationId || undefined,
        teamId: team?.id ?? '',
        caseworkerId: worker,
        awareOn: aware,
      }),
    onSuccess: (c) => {
      void client.invalidateQueries({ queryKey: ['cases'] });
      void client.invalidateQueries({ queryKey: ['notifications'] });
      onClose();
      void navigate({ to: '/sager/$caseId', params: { caseId: c.id } });
    },
  });
  const err = open.error;
  const existingId = n?.case?.id ?? (err instanceof ApiError ? err.link?.split('/').pop() : undefined);
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
          setMissingAware(!aware);
          if (aware) open.mutate();
        }}
      >
        <Stack>
          <ErrorAlert error={err} />
          {choosing ? (
            <NativeSelect
              label={t('open.notification')}
              description={t('open.notificationHelp')}
              value={notificationId}
              onChange={(e) => {
                setNotificationId(e.currentTarget.value);
                setAwareOn(null);
                open.reset();
              }}
              data={[
                { value: '', label: t('open.chooseNotification') },
                ...(openable.data ?? []).map((x) => ({
                  value: x.id,
                  label: t('open.notificationOption', {
                    reference: x.reference,
                    name: x.child.name ?? '',
                    date: formatDate(x.receivedAt, i18n.language),
                  }),
                })),
              ]}
              error={fieldError(err, 'notificationId') ?? fieldError(err, 'childId')}
            />
          ) : n ? (
            <Text>
              {t('open.fromNotification', {
                reference: n.reference,
                name: n.child.name ?? '',
                date: formatDate(n.receivedAt, i18n.language),
              })}
            </Text>
          ) : null}
          {existingId ? (
            <Text>
              <AnchorLink to="/sager/$caseId" params={{ caseId: existingId }}>
                {n?.case ? t('open.existingCase', { reference: n.case.reference }) : t('open.goToCase')}
              </AnchorLink>
            </Text>
          ) : null}
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
            value={worker}
            onChange={(e) => setCaseworkerId(e.currentTarget.value)}
            data={[
              ...(defaultWorker ? [] : [{ value: '', label: t('open.chooseCaseworker') }]),
              ...(team?.caseworkers ?? []).map((c) => ({
                value: c.id,
                label: t('change.load', { name: c.name, count: c.openCases }),
              })),
            ]}
            error={fieldError(err, 'caseworkerId')}
          />
          <TextInput
            type="date"
            label={t('open.awareOn')}
            description={t('open.awareHelp')}
            withAsterisk
            max={todayIso()}
            value={aware}
            onChange={(e) => setAwareOn(e.currentTarget.value)}
            error={missingAware ? t('open.awareRequired') : fieldError(err, 'awareOn')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('open.cancel')}
            </Button>
            <Button type="submit" loading={open.isPending} disabled={!!n?.case}>
              {t('open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

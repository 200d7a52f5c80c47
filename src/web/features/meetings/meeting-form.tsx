import { ActionIcon, Button, Group, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFESSIONS, type TProfession } from '../../../shared/schemas/professions';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { useMe } from '../auth/session';
import { unitsQuery } from '../org/queries';
import { createMeeting, peopleQuery } from './queries';

/** A new meeting for a unit the leader leads: date, time and participants by profession. */
export function MeetingForm() {
  const { t } = useTranslation('meetings');
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const people = useQuery(peopleQuery);
  const led = [
    ...new Map(
      (me?.roles ?? [])
        .filter((r) => r.role === 'unitLeader' && r.unitId)
        .map((r) => [r.unitId ?? '', r.unitName ?? '']),
    ),
  ];
  const [title, setTitle] = useState(t('form.defaultTitle'));
  const units = useQuery(unitsQuery);
  // A meeting is for a unit the leader leads or for the district of one.
  const districts = [
    ...new Map(
      (units.data ?? [])
        .filter((u) => led.some(([id]) => id === u.id) && u.districtId)
        .map((u) => [u.districtId ?? '', u.districtName ?? '']),
    ),
  ];
  const [place, setPlace] = useState(led[0] ? `u:${led[0][0]}` : '');
  const [meetingOn, setMeetingOn] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [participants, setParticipants] = useState<{ userId: string; profession: TProfession }[]>([]);
  const [adding, setAdding] = useState('');
  const [addingProfession, setAddingProfession] = useState<TProfession>('teacher');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const name = (id: string) => people.data?.find((p) => p.id === id)?.name ?? id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const meeting = await createMeeting({
        title,
        ...(place.startsWith('d:') ? { districtId: place.slice(2) } : { unitId: place.slice(2) }),
        meetingOn,
        ...(startsAt ? { startsAt } : {}),
        participants,
      });
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      await navigate({ to: '/moeder/$meetingId', params: { meetingId: meeting.id } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <ErrorAlert error={error} />
        <TextInput
          label={t('form.title')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError(error, 'title')}
          required
        />
        <NativeSelect
          label={t('form.unit')}
          value={place}
          onChange={(e) => setPlace(e.currentTarget.value)}
          data={[
            ...led.map(([id, n]) => ({ value: `u:${id}`, label: n })),
            ...districts.map(([id, n]) => ({ value: `d:${id}`, label: t('form.district', { name: n }) })),
          ]}
          error={fieldError(error, 'unitId') ?? fieldError(error, 'districtId')}
          required
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('form.date')}
            value={meetingOn}
            onChange={(e) => setMeetingOn(e.currentTarget.value)}
            error={fieldError(error, 'meetingOn')}
            required
          />
          <TextInput
            type="time"
            label={t('form.time')}
            value={startsAt}
            onChange={(e) => setStartsAt(e.currentTarget.value)}
            error={fieldError(error, 'startsAt')}
          />
        </Group>
        <Paper withBorder p="sm">
          <Stack gap="xs">
            <Text fw={700} component="h2" size="md">
              {t('form.participants')}
            </Text>
            <Text size="sm">{t('form.participantsHint')}</Text>
            <ul aria-label={t('form.participants')}>
              {participants.map((p) => (
                <li key={p.userId}>
                  <Group gap="xs">
                    <Text>
                      {name(p.userId)} – {t(`profession.${p.profession}`)}
                    </Text>
                    <ActionIcon
                      variant="subtle"
                      color="red.9"
                      aria-label={t('form.remove', { name: name(p.userId) })}
                      onClick={() => setParticipants(participants.filter((x) => x.userId !== p.userId))}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                </li>
              ))}
            </ul>
            <Group align="flex-end">
              <NativeSelect
                label={t('form.person')}
                value={adding}
                onChange={(e) => setAdding(e.currentTarget.value)}
                data={[
                  { value: '', label: t('form.choosePerson') },
                  ...(people.data ?? [])
                    .filter((p) => p.id !== me?.id && !participants.some((x) => x.userId === p.id))
                    .map((p) => ({
                      value: p.id,
                      label: p.units.length ? `${p.name} (${p.units.join(', ')})` : p.name,
                    })),
                ]}
              />
              <NativeSelect
                label={t('form.profession')}
                value={addingProfession}
                onChange={(e) => setAddingProfession(e.currentTarget.value as TProfession)}
                data={PROFESSIONS.map((p) => ({ value: p, label: t(`profession.${p}`) }))}
              />
              <Button
                variant="default"
                disabled={!adding}
                onClick={() => {
                  setParticipants([...participants, { userId: adding, profession: addingProfession }]);
                  setAdding('');
                }}
              >
                {t('form.addPerson')}
              </Button>
            </Group>
          </Stack>
        </Paper>
        <Group>
          <Button type="submit" loading={busy}>
            {t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

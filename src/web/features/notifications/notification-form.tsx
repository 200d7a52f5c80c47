import {
  Button,
  FileInput,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTIFIER_KINDS, type TNotifierKind } from '../../../shared/schemas/notifications';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { can, useMe } from '../auth/session';
import { childQuery } from '../children/queries';
import { childConcernsQuery } from '../concerns/queries';
import { notifierDefaults } from './notifier-defaults';
import { createNotification } from './queries';

/** A chosen file as the API takes it: its bytes in base64 (the server checks type and size on the bytes). */
async function toUpload(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

type TProblems = Partial<Record<'unitId' | 'notifierKind' | 'child' | 'description', string>>;

/** A professional's notification: from which unit, what kind of notifier, the child, and what they saw. */
export function NotificationForm({
  childId,
  onSaved,
}: {
  /** A child the professional sees (from its profile): identified by its record, concerns offered. */
  childId?: string;
  onSaved: (reference: string) => void;
}) {
  const { t, i18n } = useTranslation('notifications');
  const me = useMe();
  const queryClient = useQueryClient();
  const units = [
    ...new Map((me?.roles ?? []).filter((r) => r.unitId).map((r) => [r.unitId ?? '', r.unitName ?? ''])),
  ];
  const [chosenUnitId, setUnitId] = useState(units.length === 1 ? (units[0]?.[0] ?? '') : '');
  const [chosenKind, setNotifierKind] = useState<TNotifierKind | ''>('');
  const [identify, setIdentify] = useState<'cpr' | 'name'>('cpr');
  const [cpr, setCpr] = useState('');
  const [name, setName] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [address, setAddress] = useState('');
  const [description, setDescription] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [concernId, setConcernId] = useState('');
  const child = useQuery({ ...childQuery(childId ?? ''), enabled: Boolean(childId) });
  // From a child's profile: the child's unit among the user's, and the kind of notifier it makes the user.
  const defaults = notifierDefaults(
    child.data?.enrolments ?? [],
    units.map(([id]) => id),
  );
  const unitId = chosenUnitId || defaults.unitId;
  const notifierKind = chosenKind || (unitId === defaults.unitId ? defaults.notifierKind : '');
  const concerns = useQuery({
    ...childConcernsQuery(childId ?? ''),
    enabled: Boolean(childId) && can(me, 'read:concern:unit'),
  });
  const linkable = (concerns.data ?? []).filter((c) => c.unitId === unitId);
  const [problems, setProblems] = useState<TProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: TProblems = {};
    if (!unitId) next.unitId = t('form.required');
    if (!notifierKind) next.notifierKind = t('form.required');
    if (!childId && (identify === 'cpr' ? !cpr.trim() : !(name.trim() && birthDate.trim() && address.trim())))
      next.child = t('form.childIdentity');
    if (!description.trim()) next.description = t('form.required');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await createNotification({
        unitId,
        notifierKind: notifierKind as TNotifierKind,
        concernId: concernId || undefined,
        child: childId
          ? { childId }
          : identify === 'cpr'
            ? { cpr: cpr.trim() }
            : { name, birthDate, address },
        description,
        attachments: files.length ? await Promise.all(files.map(toUpload)) : undefined,
      });
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
      onSaved(saved.reference);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" maw={720}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <NativeSelect
            label={t('form.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[
              { value: '', label: t('form.chooseOption') },
              ...units.map(([id, n]) => ({ value: id, label: n })),
            ]}
            error={problems.unitId ?? fieldError(error, 'unitId')}
            required
          />
          <NativeSelect
            label={t('form.kind')}
            value={notifierKind}
            onChange={(e) => setNotifierKind(e.currentTarget.value as TNotifierKind)}
            data={[
              { value: '', label: t('form.chooseOption') },
              ...NOTIFIER_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) })),
            ]}
            error={problems.notifierKind}
            required
          />
          <Title order={2} size="h3">
            {t('form.child')}
          </Title>
          {childId ? (
            <>
              <Text>
                {child.data
                  ? t('form.childFromRecord', { name: `${child.data.firstName} ${child.data.lastName}` })
                  : ''}
              </Text>
              {linkable.length > 0 ? (
                <NativeSelect
                  label={t('form.concern')}
                  value={concernId}
                  onChange={(e) => setConcernId(e.currentTarget.value)}
                  data={[
                    { value: '', label: t('form.noConcern') },
                    ...linkable.map((c) => ({
                      value: c.id,
                      label: `${formatDate(c.createdAt, i18n.language)} – ${c.actionText}`,
                    })),
                  ]}
                  error={fieldError(error, 'concernId')}
                />
              ) : null}
            </>
          ) : (
            <Radio.Group
              label={t('form.identifyBy')}
              value={identify}
              onChange={(v) => setIdentify(v as 'cpr' | 'name')}
            >
              <Group mt="xs">
                <Radio value="cpr" label={t('form.byCpr')} />
                <Radio value="name" label={t('form.byName')} />
              </Group>
            </Radio.Group>
          )}
          {childId ? null : identify === 'cpr' ? (
            <TextInput
              label={t('form.cpr')}
              description={t('form.cprHint')}
              value={cpr}
              onChange={(e) => setCpr(e.currentTarget.value)}
              error={problems.child ?? fieldError(error, 'child')}
              required
            />
          ) : (
            <>
              <TextInput
                label={t('form.childName')}
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={problems.child ?? fieldError(error, 'child')}
                required
              />
              <TextInput
                label={t('form.birthDate')}
                description={t('form.birthDateHint')}
                value={birthDate}
                onChange={(e) => setBirthDate(e.currentTarget.value)}
                required
              />
              <TextInput
                label={t('form.address')}
                value={address}
                onChange={(e) => setAddress(e.currentTarget.value)}
                required
              />
            </>
          )}
          <Textarea
            label={t('form.description')}
            description={t('form.descriptionHint')}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
            error={problems.description ?? fieldError(error, 'description')}
            autosize
            minRows={6}
            required
          />
          <FileInput
            label={t('form.attachments')}
            description={t('form.attachmentsHint')}
            multiple
            clearable
            clearButtonProps={{ 'aria-label': t('form.clearAttachments') }}
            accept="application/pdf,image/png,image/jpeg"
            value={files}
            onChange={setFiles}
            error={fieldError(error, 'attachments')}
          />
          <Text size="sm">{t('form.acute')}</Text>
          <ErrorAlert error={error} />
          <div>
            <Button type="submit" loading={busy}>
              {t('form.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

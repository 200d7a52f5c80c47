import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import type { TLocale } from '../../i18n';
import { updateUser } from './queries';
import { RolesEditor } from './roles-editor';
import type { TRoleInput, TUser } from './types';

interface TEditUserModalProps {
  user: TUser | null;
  onClose: () => void;
}

export function EditUserModal({ user, onClose }: TEditUserModalProps) {
  const { t } = useTranslation('admin');
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={t('users.edit')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {user ? <EditUserForm key={`${user.id}:${user.version}`} user={user} onClose={onClose} /> : null}
    </Modal>
  );
}

function toInput(user: TUser): TRoleInput[] {
  return user.roles.map((r) => (r.unitId ? { role: r.role, unitId: r.unitId } : { role: r.role }));
}

/** Sends the version it was opened with; a stale write gets the server's 409 message and keeps the edits. */
function EditUserForm({ user, onClose }: { user: TUser; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const queryClient = useQueryClient();
  const [name, setName] = useState(user.name);
  const [active, setActive] = useState(user.active);
  const [locale, setLocale] = useState<TLocale>(user.locale);
  const [roles, setRoles] = useState<TRoleInput[]>(toInput(user));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await updateUser(user.id, { version: user.version, name: name.trim(), active, locale, roles });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      onClose();
    } catch (err) {
      setError(err);
      // Someone else saved first: refresh the list behind the dialog; the dialog keeps this user's edits.
      if (err instanceof ApiError && err.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['users'] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput label={t('users.email')} value={user.email} readOnly />
        <TextInput
          label={t('users.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, 'name')}
          data-autofocus
        />
        <Checkbox
          label={t('users.active')}
          checked={active}
          onChange={(e) => setActive(e.currentTarget.checked)}
          error={fieldError(error, 'active')}
        />
        <NativeSelect
          label={t('users.locale')}
          data={[
            { value: 'da', label: 'Dansk' },
            { value: 'en', label: 'English' },
          ]}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as TLocale)}
          error={fieldError(error, 'locale')}
        />
        <RolesEditor value={roles} onChange={setRoles} error={fieldError(error, 'roles')} />
        {user.pendingRoles.length > 0 ? (
          <Text size="sm">
            {t('users.pendingList', {
              roles: user.pendingRoles
                .map((r) => (r.unitName ? `${tc(`role.${r.role}`)} (${r.unitName})` : tc(`role.${r.role}`)))
                .join(', '),
            })}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

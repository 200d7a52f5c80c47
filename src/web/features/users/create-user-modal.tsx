import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import type { TLocale } from '../../i18n';
import { createUser } from './queries';
import { RolesEditor } from './roles-editor';
import type { TRoleInput } from './types';

interface TCreateUserModalProps {
  opened: boolean;
  onClose: () => void;
}

export function CreateUserModal({ opened, onClose }: TCreateUserModalProps) {
  const { t } = useTranslation('admin');
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [locale, setLocale] = useState<TLocale>('da');
  const [roles, setRoles] = useState<TRoleInput[]>([{ role: 'professional' }]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setName('');
    setEmail('');
    setPassword('');
    setLocale('da');
    setRoles([{ role: 'professional' }]);
    setError(null);
    onClose();
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createUser({ name: name.trim(), email: email.trim(), password, locale, roles });
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      close();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('users.create')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={error} />
          <TextInput
            label={t('users.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError(error, 'name')}
            data-autofocus
          />
          <TextInput
            label={t('users.email')}
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(error, 'email')}
          />
          <PasswordInput
            label={t('users.password')}
            required
            autoComplete="new-password"
            visibilityToggleButtonProps={{ 'aria-label': t('users.togglePassword') }}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fieldError(error, 'password')}
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
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('users.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

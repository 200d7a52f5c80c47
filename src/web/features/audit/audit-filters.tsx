import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/session';
import { usersQuery } from '../users/queries';
import type { TAuditFilters } from './types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TAuditFiltersProps {
  value: TAuditFilters;
  onChange: (filters: TAuditFilters) => void;
}

export function AuditFiltersForm({ value, onChange }: TAuditFiltersProps) {
  const { t } = useTranslation('audit');
  const me = useMe();
  const users = useQuery({ ...usersQuery({ pageSize: 100 }), enabled: can(me, 'manage:user:municipality') });
  const [draft, setDraft] = useState<TAuditFilters>(value);
  const [childIdError, setChildIdError] = useState(false);

  // Back/forward changes the address; the form follows it.
  useEffect(() => setDraft(value), [value]);

  function set<K extends keyof TAuditFilters>(key: K, v: string) {
    setDraft((d) => ({ ...d, [key]: v || undefined }));
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const childId = draft.childId?.trim() || undefined;
    // Not an id (a name, say): said at the field, instead of the server's refusal as a general error.
    const invalid = childId !== undefined && !UUID.test(childId);
    setChildIdError(invalid);
    if (!invalid) onChange({ ...draft, childId });
  }

  return (
    <search aria-label={t('filters.label')}>
      <form onSubmit={onSubmit}>
        <Group align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('filters.user')}
            value={draft.userId ?? ''}
            onChange={(e) => set('userId', e.currentTarget.value)}
            data={[
              { value: '', label: t('filters.allUsers') },
              ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
            ]}
            miw={240}
          />
          <TextInput
            label={t('filters.childId')}
            description={t('filters.childIdHelp')}
            error={childIdError ? t('filters.childIdInvalid') : undefined}
            value={draft.childId ?? ''}
            onChange={(e) => set('childId', e.currentTarget.value)}
            miw={280}
          />
          <TextInput
            label={t('filters.from')}
            type="date"
            value={draft.from ?? ''}
            onChange={(e) => set('from', e.currentTarget.value)}
          />
          <TextInput
            label={t('filters.to')}
            type="date"
            value={draft.to ?? ''}
            onChange={(e) => set('to', e.currentTarget.value)}
          />
          <Button type="submit">{t('filters.submit')}</Button>
        </Group>
      </form>
    </search>
  );
}

import { Button, Fieldset, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type TRole } from '../../../shared/permissions';
import { unitsQuery } from '../org/queries';
import type { TRoleInput } from './types';

interface TRolesEditorProps {
  value: TRoleInput[];
  onChange: (roles: TRoleInput[]) => void;
  error?: string;
}

/** A user holds one or more roles, each optionally tied to a unit (its scope for unit permissions). */
export function RolesEditor({ value, onChange, error }: TRolesEditorProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const units = useQuery(unitsQuery);

  const roleOptions = ROLES.map((role) => ({ value: role, label: tc(`role.${role}`) }));
  const unitOptions = [
    { value: '', label: t('users.noUnit') },
    ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
  ];

  function update(index: number, patch: Partial<TRoleInput>) {
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  }

  return (
    <Fieldset legend={t('users.roles')}>
      <Stack gap="sm">
        {value.length === 0 ? <Text size="sm">{t('users.noRoles')}</Text> : null}
        {value.map((row, index) => (
          // Rows have no identity of their own; the position is what the user edits.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <Group key={index} align="flex-end" wrap="wrap">
            <NativeSelect
              label={t('users.role', { n: index + 1 })}
              data={roleOptions}
              value={row.role}
              onChange={(e) => update(index, { role: e.currentTarget.value as TRole })}
            />
            <NativeSelect
              label={t('users.unit', { n: index + 1 })}
              data={unitOptions}
              value={row.unitId ?? ''}
              onChange={(e) => update(index, { unitId: e.currentTarget.value || undefined })}
            />
            <Button variant="default" onClick={() => onChange(value.filter((_, i) => i !== index))}>
              {t('users.removeRole', { n: index + 1 })}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="light" onClick={() => onChange([...value, { role: 'professional' }])}>
            {t('users.addRole')}
          </Button>
        </Group>
        {error ? (
          <Text c="var(--mantine-color-error)" size="sm">
            {error}
          </Text>
        ) : null}
      </Stack>
    </Fieldset>
  );
}

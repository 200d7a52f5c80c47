import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/session';
import { unitsQuery } from '../org/queries';
import type { TChildSearch } from './types';

interface TChildSearchFormProps {
  value: TChildSearch;
  onSearch: (search: TChildSearch) => void;
}

export function ChildSearchForm({ value, onSearch }: TChildSearchFormProps) {
  const { t } = useTranslation('children');
  const me = useMe();
  const units = useQuery({ ...unitsQuery, enabled: can(me, 'read:org:municipality') });
  const [q, setQ] = useState(value.q ?? '');
  const [unitId, setUnitId] = useState(value.unitId ?? '');

  // Back/forward changes the address; the form follows it.
  useEffect(() => {
    setQ(value.q ?? '');
    setUnitId(value.unitId ?? '');
  }, [value.q, value.unitId]);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    onSearch({ q: q.trim() || undefined, unitId: unitId || undefined, page: 1 });
  }

  return (
    <search aria-label={t('list.searchLabel')}>
      <form onSubmit={onSubmit}>
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('list.search')}
            description={t('list.searchHint')}
            value={q}
            onChange={(e) => setQ(e.currentTarget.value)}
            miw={280}
            type="search"
          />
          <NativeSelect
            label={t('list.unit')}
            value={unitId}
            onChange={(e) => setUnitId(e.currentTarget.value)}
            data={[
              { value: '', label: t('list.allUnits') },
              ...(units.data ?? []).map((unit) => ({ value: unit.id, label: unit.name })),
            ]}
            miw={220}
          />
          <Button type="submit">{t('list.submit')}</Button>
        </Group>
      </form>
    </search>
  );
}

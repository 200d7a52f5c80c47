import { Button, Group, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { unitsQuery } from './queries';
import type { TUnit } from './types';
import { UnitModal } from './unit-modal';
import { UnitsTable } from './units-table';

export function AdminUnitsPage() {
  const { t } = useTranslation('admin');
  usePageTitle(t('units.title'));
  const units = useQuery(unitsQuery);
  const [target, setTarget] = useState<TUnit | 'new' | null>(null);

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('units.title')}</Title>
        <Button onClick={() => setTarget('new')}>{t('units.create')}</Button>
      </Group>
      <ErrorAlert error={units.error} />
      <Text role="status" mb="xs">
        {units.data ? t('units.found', { count: units.data.length }) : ''}
      </Text>
      {units.data && units.data.length > 0 ? <UnitsTable items={units.data} onEdit={setTarget} /> : null}
      <UnitModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}

import { Button, Group, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPermission } from '../../../shared/permissions';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { RequirePermission } from '../../components/require-permission';
import { CreateRoundModal } from './create-round-modal';
import { roundsQuery } from './queries';
import { RoundsTable } from './rounds-table';
import './assessments.css';
import { can, useMe } from '../auth/session';

/** Any one of these opens the page; the server decides which rounds the list holds. */
const ROUND_PERMISSIONS: TPermission[] = [
  'read:round:unit',
  'manage:round:municipality',
  'manage:round:unit',
];

export function RoundsRoutePage() {
  const me = useMe();
  const permission = ROUND_PERMISSIONS.find((p) => can(me, p)) ?? 'read:round:unit';
  return (
    <RequirePermission permission={permission}>
      <RoundsPage />
    </RequirePermission>
  );
}

function RoundsPage() {
  const { t } = useTranslation('assessments');
  usePageTitle(t('rounds.title'));
  const me = useMe();
  const rounds = useQuery(roundsQuery);
  const [creating, { open, close }] = useDisclosure(false);
  const [created, setCreated] = useState<string | null>(null);
  const canCreate = can(me, 'manage:round:municipality') || can(me, 'manage:round:unit');
  // Progress is shown per unit, for the units the user works in.
  const myUnitIds = new Set(
    can(me, 'read:round:unit') ? (me?.roles ?? []).flatMap((r) => (r.unitId ? [r.unitId] : [])) : [],
  );

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('rounds.title')}</Title>
        {canCreate ? <Button onClick={open}>{t('rounds.create')}</Button> : null}
      </Group>
      <Text mb="md">{t('rounds.intro')}</Text>
      <ErrorAlert error={rounds.error} />
      <Text role="status" mb="xs">
        {created ? t('rounds.created', { name: created }) : ''}{' '}
        {rounds.data ? t('rounds.found', { count: rounds.data.length }) : ''}
      </Text>
      {rounds.data && rounds.data.length > 0 ? (
        <RoundsTable items={rounds.data} myUnitIds={myUnitIds} />
      ) : null}
      <CreateRoundModal opened={creating} onClose={close} onCreated={setCreated} />
    </>
  );
}

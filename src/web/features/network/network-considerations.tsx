import { Loader, NativeSelect, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NETWORK_CONSIDERATION_DECISIONS,
  type TNetworkConsiderationDecision,
  type TNetworkConsiderations,
} from '../../../shared/schemas/network-considerations';
import { ApiError } from '../../api';
import { ActionForm } from '../../components/action-form';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { ScrollTable } from '../../components/scroll-table';
import { networkConsiderationsQuery, recordNetworkConsideration } from './queries';

/**
 * Network involvement considered (issue 16, item 3): what was decided about involving the child's network — a
 * family group conference, a network meeting, or not now and why. In the network section (profile and case).
 */
export function NetworkConsiderations({ childId }: { childId: string }) {
  const { t } = useTranslation('network');
  const considerations = useQuery(networkConsiderationsQuery(childId));
  // No relation to the child: the network section already says so.
  if (considerations.error instanceof ApiError && considerations.error.status === 404) return null;
  return (
    <Stack gap="sm" mt="md">
      <Title order={3} size="h4">
        {t('consideration.title')}
      </Title>
      {considerations.isPending ? <Loader aria-label={t('consideration.loading')} /> : null}
      <ErrorAlert error={considerations.error} />
      {considerations.data ? <ConsiderationTable data={considerations.data} /> : null}
      {considerations.data?.canWrite ? <ConsiderationForm childId={childId} /> : null}
    </Stack>
  );
}

function ConsiderationTable({ data }: { data: TNetworkConsiderations }) {
  const { t, i18n } = useTranslation('network');
  if (data.items.length === 0) return <Text>{t('consideration.none')}</Text>;
  return (
    <ScrollTable>
      <Table aria-label={t('consideration.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('consideration.consideredOn')}</Table.Th>
            <Table.Th scope="col">{t('consideration.decision')}</Table.Th>
            <Table.Th scope="col">{t('consideration.reason')}</Table.Th>
            <Table.Th scope="col">{t('consideration.where')}</Table.Th>
            <Table.Th scope="col">{t('consideration.recordedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Th scope="row">{formatDate(c.consideredOn, i18n.language)}</Table.Th>
              <Table.Td>{t(`consideration.kind.${c.decision}`)}</Table.Td>
              <Table.Td>{c.reason || '–'}</Table.Td>
              <Table.Td>{t(`consideration.context.${c.context}`)}</Table.Td>
              <Table.Td>{c.recordedBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function ConsiderationForm({ childId }: { childId: string }) {
  const { t } = useTranslation('network');
  const queryClient = useQueryClient();
  const [consideredOn, setConsideredOn] = useState(new Date().toISOString().slice(0, 10));
  const [decision, setDecision] = useState<TNetworkConsiderationDecision>('conference');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const submit = async () => {
    setPending(true);
    setError(null);
    try {
      await recordNetworkConsideration(childId, { consideredOn, decision, reason });
      setReason('');
      await queryClient.invalidateQueries({ queryKey: networkConsiderationsQuery(childId).queryKey });
    } catch (e) {
      setError(e);
    } finally {
      setPending(false);
    }
  };
  return (
    <ActionForm
      onSubmit={() => void submit()}
      error={error}
      pending={pending}
      submitLabel={t('consideration.save')}
    >
      <TextInput
        type="date"
        label={t('consideration.consideredOn')}
        value={consideredOn}
        onChange={(e) => setConsideredOn(e.currentTarget.value)}
        error={fieldError(error, 'consideredOn')}
      />
      <NativeSelect
        label={t('consideration.decision')}
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value as TNetworkConsiderationDecision)}
        data={NETWORK_CONSIDERATION_DECISIONS.map((d) => ({ value: d, label: t(`consideration.kind.${d}`) }))}
        error={fieldError(error, 'decision')}
      />
      <Textarea
        label={decision === 'notNow' ? t('consideration.whyNot') : t('consideration.note')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        required={decision === 'notNow'}
        autosize
        minRows={2}
        maxLength={2000}
        error={fieldError(error, 'reason')}
      />
    </ActionForm>
  );
}

import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate, formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-table';
import { caseTeamsQuery } from '../cases/queries';
import { changeApi, changesQuery } from './queries';

export function StartPage() {
  const { t, i18n } = useTranslation('cases');
  usePageTitle(t('change.title'));
  const teams = useQuery(caseTeamsQuery);
  const changes = useQuery(changesQuery);
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(new Date().toISOString().slice(0, 10));
  const people = [
    ...new Map(
      (teams.data ?? []).flatMap((team) =>
        team.caseworkers.map((c) => [c.id, { ...c, team: team.name }] as const),
      ),
    ).values(),
  ];
  const propose = useMutation({
    mutationFn: () => changeApi.propose({ leavingUserId: leaving, effectiveOn }),
    onSuccess: (c) => void navigate({ to: '/raadgiverskifte/$changeId', params: { changeId: c.id } }),
  });
  return (
    <Stack>
      <Title order={1}>{t('change.title')}</Title>
      <Text>{t('change.intro')}</Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          propose.mutate();
        }}
      >
        <Stack maw={520}>
          <ErrorAlert error={propose.error} />
          <NativeSelect
            label={t('change.leaving')}
            value={leaving}
            onChange={(e) => setLeaving(e.currentTarget.value)}
            data={[
              { value: '', label: t('change.choose') },
              ...people.map((p) => ({
                value: p.id,
                label: `${t('change.load', { name: p.name, count: p.openCases })} · ${p.team}`,
              })),
            ]}
            error={fieldError(propose.error, 'leavingUserId')}
          />
          <TextInput
            type="date"
            label={t('change.effectiveOn')}
            value={effectiveOn}
            onChange={(e) => setEffectiveOn(e.currentTarget.value)}
            error={fieldError(propose.error, 'effectiveOn')}
          />
          <Group>
            <Button type="submit" loading={propose.isPending} disabled={!leaving}>
              {t('change.propose')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Title order={2} size="h3">
        {t('change.earlier')}
      </Title>
      {changes.data && changes.data.length === 0 ? <Text>{t('change.none')}</Text> : null}
      {changes.data && changes.data.length > 0 ? (
        <ScrollTable>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('change.leaving')}</Table.Th>
                <Table.Th scope="col">{t('change.effectiveOn')}</Table.Th>
                <Table.Th scope="col">{t('list.status')}</Table.Th>
                <Table.Th scope="col">{t('change.progress')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {changes.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <AnchorLink to="/raadgiverskifte/$changeId" params={{ changeId: c.id }}>
                      {c.leaving.name}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{formatDate(c.effectiveOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    {t(`change.status.${c.status}`)} · {formatDateTime(c.createdAt, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    {t('change.progressText', {
                      processed: c.processed,
                      total: c.total,
                      letters: c.lettersQueued,
                    })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
    </Stack>
  );
}

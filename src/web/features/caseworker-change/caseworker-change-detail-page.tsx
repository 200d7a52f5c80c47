import { Button, Group, Loader, NativeSelect, Progress, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-table';
import { changeApi, changeQuery } from './queries';

const caseworkerChangeDetailApi = getRouteApi('/app/raadgiverskifte/$changeId');

export function ChangePage() {
  const { t, i18n } = useTranslation('cases');
  const { changeId } = caseworkerChangeDetailApi.useParams();
  const query = useQuery(changeQuery(changeId));
  const change = query.data;
  usePageTitle(change ? t('change.proposalTitle', { name: change.leaving.name }) : t('change.title'));
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const client = useQueryClient();
  const confirm = useMutation({
    mutationFn: () =>
      changeApi.confirm(changeId, {
        version: change?.version ?? 0,
        assignments: (change?.items ?? []).map((i) => ({
          caseId: i.caseId,
          targetUserId: chosen[i.caseId] ?? i.targetUserId ?? '',
        })),
      }),
    onSuccess: (c) => client.setQueryData(changeQuery(changeId).queryKey, c),
  });
  if (query.isPending) return <Loader aria-label={t('change.title')} />;
  if (!change) return <ErrorAlert error={query.error} />;
  const target = (caseId: string, fallback: string | null) => chosen[caseId] ?? fallback ?? '';
  const loadAfter = new Map<string, number>();
  for (const team of change.teams) for (const c of team.caseworkers) loadAfter.set(c.id, c.openCases);
  if (change.status === 'proposed')
    for (const i of change.items) {
      const to = target(i.caseId, i.targetUserId);
      if (to) loadAfter.set(to, (loadAfter.get(to) ?? 0) + 1);
    }
  return (
    <Stack>
      <Title order={1}>{t('change.proposalTitle', { name: change.leaving.name })}</Title>
      <Text>
        {t('change.effectiveOn')}: {formatDate(change.effectiveOn, i18n.language)} ·{' '}
        {t(`change.status.${change.status}`)}
      </Text>
      <ErrorAlert error={confirm.error} />
      {change.status !== 'proposed' ? (
        <Stack gap="xs">
          <Progress.Root size="xl">
            <Progress.Section
              value={change.percent}
              aria-label={t('change.progress')}
              aria-valuetext={`${change.percent} %`}
            />
          </Progress.Root>
          <Text role="status" aria-live="polite">
            {change.status === 'done'
              ? t('change.done', { total: change.total, letters: change.lettersQueued })
              : t('change.progressText', {
                  processed: change.processed,
                  total: change.total,
                  letters: change.lettersQueued,
                })}
          </Text>
          {change.status === 'done' ? (
            <div>
              <AnchorLink to="/breve">{t('change.toOutbox')}</AnchorLink>
            </div>
          ) : null}
        </Stack>
      ) : (
        <Text>
          {change.items.length === 0
            ? t('change.noCases')
            : t('change.proposalIntro', { count: change.items.length })}
        </Text>
      )}
      {change.status === 'proposed' && change.teams.length > 0 ? (
        <ScrollTable>
          <Table withTableBorder>
            <Table.Caption>{t('change.loadAfter')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('change.newCaseworker')}</Table.Th>
                <Table.Th scope="col">{t('change.team')}</Table.Th>
                <Table.Th scope="col">{t('change.loadAfter')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {change.teams.flatMap((team) =>
                team.caseworkers.map((c) => (
                  <Table.Tr key={`${team.id}-${c.id}`}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{team.name}</Table.Td>
                    <Table.Td>
                      {c.openCases} → {loadAfter.get(c.id) ?? c.openCases}
                    </Table.Td>
                  </Table.Tr>
                )),
              )}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      ) : null}
      {change.items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('change.case')}</Table.Th>
                <Table.Th scope="col">{t('change.child')}</Table.Th>
                <Table.Th scope="col">{t('change.team')}</Table.Th>
                <Table.Th scope="col">{t('change.newCaseworker')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {change.items.map((item, n) => {
                const team = change.teams.find((x) => x.id === item.teamId);
                const name = team?.caseworkers.find((c) => c.id === item.targetUserId)?.name ?? '';
                return (
                  <Table.Tr key={item.caseId}>
                    <Table.Td>
                      <AnchorLink to="/sager/$caseId" params={{ caseId: item.caseId }}>
                        {item.reference}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{item.childName}</Table.Td>
                    <Table.Td>{item.teamName}</Table.Td>
                    <Table.Td>
                      {change.status === 'proposed' ? (
                        <NativeSelect
                          aria-label={t('change.newCaseworkerFor', { reference: item.reference })}
                          value={target(item.caseId, item.targetUserId)}
                          onChange={(e) => {
                            const v = e.currentTarget.value;
                            setChosen((s) => ({ ...s, [item.caseId]: v }));
                          }}
                          data={[
                            ...(item.targetUserId ? [] : [{ value: '', label: t('change.choose') }]),
                            ...(team?.caseworkers ?? []).map((c) => ({ value: c.id, label: c.name })),
                          ]}
                          error={fieldError(confirm.error, `assignments.${n}.targetUserId`)}
                        />
                      ) : (
                        name
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {change.status === 'proposed' ? (
        <Stack gap="xs">
          <Text>{t('change.confirmNote')}</Text>
          <Group>
            <Button onClick={() => confirm.mutate()} loading={confirm.isPending}>
              {t('change.confirm')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}

import { Anchor, Group, Loader, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { TComplianceReport } from '../../../shared/schemas/compliance';
import { api, withQuery } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { OnTimeShare } from '../../components/on-time-share';
import { usePageTitle } from '../../components/page-title';
import { formatPoints } from '../measurement/format';

const complianceApi = getRouteApi('/app/overholdelse');

export function CompliancePage() {
  const { t, i18n } = useTranslation('cases');
  usePageTitle(t('compliance.title'));
  const search = complianceApi.useSearch();
  const navigate = useNavigate({ from: '/overholdelse' });
  const year = new Date().getFullYear();
  const from = search.from ?? `${year}-01-01`;
  const to = search.to ?? `${year}-12-31`;
  const report = useQuery({
    queryKey: ['compliance', from, to],
    queryFn: () => api.get<TComplianceReport>('/api/v1/compliance', { from, to }),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>{t('compliance.title')}</Title>
      <Text>{t('compliance.intro')}</Text>
      <Group align="end">
        <TextInput
          type="date"
          label={t('compliance.from')}
          value={from}
          onChange={(e) => void navigate({ search: { ...search, from: e.currentTarget.value || undefined } })}
        />
        <TextInput
          type="date"
          label={t('compliance.to')}
          value={to}
          onChange={(e) => void navigate({ search: { ...search, to: e.currentTarget.value || undefined } })}
        />
        <Anchor href={withQuery('/api/v1/compliance/export', { from, to })} pb={8}>
          {t('compliance.export')}
        </Anchor>
      </Group>
      <ErrorAlert error={report.error} />
      {report.isPending ? <Loader aria-label={t('compliance.title')} /> : null}
      {report.data ? (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('compliance.scope')}</Table.Th>
                <Table.Th scope="col">{t('compliance.notified24h')}</Table.Th>
                <Table.Th scope="col">{t('compliance.receipts')}</Table.Th>
                <Table.Th scope="col">{t('compliance.assessment')}</Table.Th>
                <Table.Th scope="col">{t('compliance.plan')}</Table.Th>
                <Table.Th scope="col">{t('compliance.followUp')}</Table.Th>
                <Table.Th scope="col">{t('compliance.protective')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.data.rows.map((r) => (
                <Table.Tr key={r.key}>
                  <Table.Th scope="row">
                    {r.scope === 'municipality' ? t('compliance.municipality') : r.name}
                  </Table.Th>
                  <Table.Td>
                    <OnTimeShare cell={r.notified} />
                  </Table.Td>
                  <Table.Td>
                    <OnTimeShare cell={r.receipts} />
                  </Table.Td>
                  <Table.Td>
                    <OnTimeShare cell={r.assessment} />
                  </Table.Td>
                  <Table.Td>
                    <OnTimeShare cell={r.plan} />
                  </Table.Td>
                  <Table.Td>
                    <OnTimeShare cell={r.followUp} />
                  </Table.Td>
                  <Table.Td>
                    {r.protective.meanChange === null
                      ? t('compliance.suppressed')
                      : `${t('compliance.pp', { value: formatPoints(r.protective.meanChange, i18n.language) })} (${t('compliance.children', { count: r.protective.n })})`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Text size="sm">{t('compliance.protectiveHelp')}</Text>
    </Stack>
  );
}

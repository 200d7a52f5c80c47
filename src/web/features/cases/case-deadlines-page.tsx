import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCaseDeadlineRow } from '../../../shared/schemas/cases';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { OnTimeShare } from '../../components/on-time-share';
import { usePageTitle } from '../../components/page-title';
import { caseDeadlinesQuery } from './queries';

function RowsTable({
  caption,
  rows,
  team,
}: {
  caption: string;
  rows: (TCaseDeadlineRow & { teamName?: string })[];
  team?: boolean;
}) {
  const { t } = useTranslation('cases');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped withTableBorder>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('deadlines.name')}</Table.Th>
            {team ? <Table.Th scope="col">{t('deadlines.team')}</Table.Th> : null}
            <Table.Th scope="col">{t('deadlines.open')}</Table.Th>
            <Table.Th scope="col">{t('deadlines.overdue')}</Table.Th>
            <Table.Th scope="col">{t('deadlines.assessment')}</Table.Th>
            <Table.Th scope="col">{t('deadlines.plan')}</Table.Th>
            <Table.Th scope="col">{t('deadlines.followUp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.teamName ?? ''}-${r.key}`}>
              <Table.Th scope="row">{r.name}</Table.Th>
              {team ? <Table.Td>{r.teamName}</Table.Td> : null}
              <Table.Td>{r.openCases}</Table.Td>
              <Table.Td>{r.overdue}</Table.Td>
              <Table.Td>
                <OnTimeShare cell={r.childAssessment} />
              </Table.Td>
              <Table.Td>
                <OnTimeShare cell={r.plan} />
              </Table.Td>
              <Table.Td>
                <OnTimeShare cell={r.followUp} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function DeadlinesPage() {
  const { t, i18n } = useTranslation('cases');
  usePageTitle(t('deadlines.title'));
  const query = useQuery(caseDeadlinesQuery);
  const data = query.data;
  return (
    <Stack>
      <Title order={1}>{t('deadlines.title')}</Title>
      <Text>{t('deadlines.intro')}</Text>
      <ErrorAlert error={query.error} />
      {query.isPending ? <Loader aria-label={t('deadlines.title')} /> : null}
      {data ? (
        <>
          <Title order={2} size="h3">
            {t('deadlines.teams')}
          </Title>
          <RowsTable caption={t('deadlines.teams')} rows={data.teams} />
          <Title order={2} size="h3">
            {t('deadlines.caseworkers')}
          </Title>
          <RowsTable caption={t('deadlines.caseworkers')} rows={data.caseworkers} team />
          <Title order={2} size="h3">
            {t('deadlines.overdueCases')}
          </Title>
          {data.overdue.length === 0 ? <Text>{t('deadlines.noOverdue')}</Text> : null}
          {data.overdue.length > 0 ? (
            <Table.ScrollContainer minWidth={640}>
              <Table striped withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('list.reference')}</Table.Th>
                    <Table.Th scope="col">{t('list.child')}</Table.Th>
                    <Table.Th scope="col">{t('list.caseworker')}</Table.Th>
                    <Table.Th scope="col">{t('deadlines.what')}</Table.Th>
                    <Table.Th scope="col">{t('deadlines.since')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.overdue.map((o) => (
                    <Table.Tr key={o.id}>
                      <Table.Td>
                        <AnchorLink to="/sager/$caseId" params={{ caseId: o.id }}>
                          {o.reference}
                        </AnchorLink>
                      </Table.Td>
                      <Table.Td>{o.childName}</Table.Td>
                      <Table.Td>{o.caseworkerName}</Table.Td>
                      <Table.Td>{o.what.map((w) => t(`deadlines.whatKind.${w}`)).join(', ')}</Table.Td>
                      <Table.Td>{formatDate(o.nextDue, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}

import { Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { PositionBadge } from '../assessments/position';
import '../assessments/assessments.css';
import { myChildrenQuery } from './queries';

/** The coordinator's overview of the children they are named for. */
export function MyChildrenPage() {
  const { t, i18n } = useTranslation('concerns');
  usePageTitle(t('myChildren.title'));
  const children = useQuery(myChildrenQuery);
  return (
    <Stack>
      <Title order={1}>{t('myChildren.title')}</Title>
      <Text>{t('myChildren.intro')}</Text>
      {children.isPending ? <Loader aria-label={t('section.loading')} /> : null}
      <ErrorAlert error={children.error} />
      {children.data && children.data.length === 0 ? <Text>{t('myChildren.empty')}</Text> : null}
      {children.data && children.data.length > 0 ? (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('myChildren.child')}</Table.Th>
                <Table.Th scope="col">{t('myChildren.unit')}</Table.Th>
                <Table.Th scope="col">{t('myChildren.position')}</Table.Th>
                <Table.Th scope="col">{t('myChildren.concerns')}</Table.Th>
                <Table.Th scope="col">{t('myChildren.alerts')}</Table.Th>
                <Table.Th scope="col">{t('myChildren.parents')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {children.data.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/boern/$childId" params={{ childId: c.id }}>
                      {c.firstName} {c.lastName}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{c.unitName}</Table.Td>
                  <Table.Td>
                    {c.latestPosition ? (
                      <>
                        <PositionBadge position={c.latestPosition} short />{' '}
                        {formatDate(c.latestAssessedOn, i18n.language)}
                      </>
                    ) : (
                      t('myChildren.none')
                    )}
                  </Table.Td>
                  <Table.Td>{c.concernsLast60Days}</Table.Td>
                  <Table.Td>{c.unreadAlerts}</Table.Td>
                  <Table.Td>
                    {c.parentsInformedOn
                      ? formatDate(c.parentsInformedOn, i18n.language)
                      : t('myChildren.notYet')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ageInYears, formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { ScrollTable } from '../../components/scroll-table';
import { childName } from './format';
import { PositionBadge } from './position';
import type { TUnitWellbeing } from './types';

/** Children whose newest joint assessment is yellow or red: the leader follows up with the parents. */
export function FollowUpTable({ items, caption }: { items: TUnitWellbeing['followUp']; caption: string }) {
  const { t, i18n } = useTranslation('assessments');
  return (
    <ScrollTable>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('progress.child')}</Table.Th>
            <Table.Th scope="col">{t('progress.age')}</Table.Th>
            <Table.Th scope="col">{t('wellbeing.position')}</Table.Th>
            <Table.Th scope="col">{t('wellbeing.round')}</Table.Th>
            <Table.Th scope="col">{t('wellbeing.assessedOn')}</Table.Th>
            <Table.Th scope="col">{t('wellbeing.persistentRisks')}</Table.Th>
            <Table.Th scope="col">{t('wellbeing.assessment')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => {
            const name = childName(c);
            return (
              <Table.Tr key={c.assessmentId}>
                <Table.Th scope="row" fw={400}>
                  <AnchorLink to="/boern/$childId" params={{ childId: c.childId }}>
                    {name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>{t('progress.years', { count: ageInYears(c.birthDate) })}</Table.Td>
                <Table.Td>
                  <PositionBadge position={c.position} />
                </Table.Td>
                <Table.Td>{c.round.name}</Table.Td>
                <Table.Td>{formatDate(c.assessedOn, i18n.language)}</Table.Td>
                <Table.Td>{c.persistentRisks}</Table.Td>
                <Table.Td>
                  <AnchorLink
                    to="/vurderinger/$assessmentId"
                    params={{ assessmentId: c.assessmentId }}
                    aria-label={t('wellbeing.openAssessmentNamed', { name })}
                  >
                    {t('wellbeing.openAssessment')}
                  </AnchorLink>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

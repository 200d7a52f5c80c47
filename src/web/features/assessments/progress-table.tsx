import { Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ageInYears } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { ScrollTable } from '../../components/scroll-table';
import { childName } from './format';
import { PositionBadge } from './position';
import type { TProgressChild, TRound } from './types';

interface TProgressTableProps {
  round: TRound;
  unitId: string;
  items: TProgressChild[];
  canWrite: boolean;
  caption: string;
}

/** Every child of the unit: who has assessed, whether the user has, and the joint assessment if made. */
export function ProgressTable({ round, unitId, items, canWrite, caption }: TProgressTableProps) {
  const { t } = useTranslation('assessments');
  const open = round.status === 'open';
  return (
    <ScrollTable>
      <Table striped captionSide="top">
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('progress.child')}</Table.Th>
            <Table.Th scope="col">{t('progress.age')}</Table.Th>
            <Table.Th scope="col">{t('progress.ownCount')}</Table.Th>
            <Table.Th scope="col">{t('progress.mine')}</Table.Th>
            <Table.Th scope="col">{t('progress.joint')}</Table.Th>
            <Table.Th scope="col">{t('progress.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((child) => {
            const name = childName(child);
            return (
              <Table.Tr key={child.id}>
                <Table.Th scope="row" fw={400}>
                  <AnchorLink to="/boern/$childId" params={{ childId: child.id }}>
                    {name}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>{t('progress.years', { count: ageInYears(child.birthDate) })}</Table.Td>
                <Table.Td>{child.ownCount}</Table.Td>
                <Table.Td>{child.myOwnId ? t('yes') : t('no')}</Table.Td>
                <Table.Td>
                  {child.jointPosition ? (
                    <Group gap="xs" wrap="nowrap">
                      <span>{t('yes')}</span>
                      <PositionBadge position={child.jointPosition} short />
                    </Group>
                  ) : (
                    t('no')
                  )}
                </Table.Td>
                <Table.Td>
                  <ul className="plain-list action-list">
                    {child.myOwnId ? (
                      <li>
                        <AnchorLink
                          to="/vurderinger/$assessmentId"
                          params={{ assessmentId: child.myOwnId }}
                          aria-label={t('progress.openOwnNamed', { name })}
                        >
                          {t('progress.openOwn')}
                        </AnchorLink>
                      </li>
                    ) : canWrite && open ? (
                      <li>
                        <AnchorLink
                          to="/runder/$roundId/boern/$childId/vurdering"
                          params={{ roundId: round.id, childId: child.id }}
                          search={{ mode: 'own', unitId }}
                          aria-label={t('progress.makeOwnNamed', { name })}
                        >
                          {t('progress.makeOwn')}
                        </AnchorLink>
                      </li>
                    ) : null}
                    {child.jointId ? (
                      <li>
                        <AnchorLink
                          to="/vurderinger/$assessmentId"
                          params={{ assessmentId: child.jointId }}
                          aria-label={t('progress.openJointNamed', { name })}
                        >
                          {t('progress.openJoint')}
                        </AnchorLink>
                      </li>
                    ) : canWrite && open ? (
                      <li>
                        <AnchorLink
                          to="/runder/$roundId/boern/$childId/vurdering"
                          params={{ roundId: round.id, childId: child.id }}
                          search={{ mode: 'joint', unitId }}
                          aria-label={t('progress.makeJointNamed', { name })}
                        >
                          {t('progress.makeJoint')}
                        </AnchorLink>
                      </li>
                    ) : null}
                  </ul>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

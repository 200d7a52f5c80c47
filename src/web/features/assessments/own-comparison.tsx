import { Anchor, Table, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { ScrollTable } from '../../components/scroll-table';
import { factorElementId } from './factor-fieldset';
import { PositionBadge } from './position';
import type { TOwnAssessments } from './types';

/** Moves the keyboard to the factor's first choice, not just the view. */
function jumpTo(event: MouseEvent<HTMLAnchorElement>, code: string) {
  const target = document.getElementById(factorElementId(code));
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  const input = target.querySelector<HTMLInputElement>('input:checked, input');
  if (input) return input.focus({ preventScroll: true });
  // A read-only row: focus the row itself, so the keyboard continues from there.
  target.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
}

/**
 * For a joint assessment: the own assessments side by side, and where they disagree — the factors two
 * adults who knew judged differently, and the overall position if that differs.
 */
export function OwnComparison({ own, labelOf }: { own: TOwnAssessments; labelOf: (code: string) => string }) {
  const { t, i18n } = useTranslation('assessments');
  if (own.assessments.length === 0) return <Text>{t('joint.noOwn')}</Text>;
  const disagreements = own.factors.filter((f) => f.disagree);
  return (
    <>
      <ScrollTable>
        <Table captionSide="top" mb="md">
          <Table.Caption>{t('joint.ownCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('joint.author')}</Table.Th>
              <Table.Th scope="col">{t('joint.unit')}</Table.Th>
              <Table.Th scope="col">{t('joint.position')}</Table.Th>
              <Table.Th scope="col">{t('joint.date')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {own.assessments.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Th scope="row" fw={400}>
                  <AnchorLink to="/vurderinger/$assessmentId" params={{ assessmentId: a.id }}>
                    {a.author.name ?? t('joint.unknownAuthor')}
                  </AnchorLink>
                </Table.Th>
                <Table.Td>{a.unit.name}</Table.Td>
                <Table.Td>
                  <PositionBadge position={a.position} />
                </Table.Td>
                <Table.Td>{formatDate(a.assessedOn, i18n.language)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <div className="disagreement-summary" data-testid="disagreement-summary">
        <Text fw={700}>
          {own.positionsDisagree ? t('joint.positionsDisagree') : t('joint.positionsAgree')}
        </Text>
        {disagreements.length === 0 ? (
          <Text>{t('joint.noDisagreement')}</Text>
        ) : (
          <>
            <Text>{t('joint.disagreeCount', { count: disagreements.length })}</Text>
            <ul>
              {disagreements.map((f) => (
                <li key={f.code}>
                  <Anchor href={`#${factorElementId(f.code)}`} onClick={(e) => jumpTo(e, f.code)}>
                    {labelOf(f.code) || f.label}
                  </Anchor>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </>
  );
}

import { Checkbox, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { ScrollTable } from '../../components/scroll-table';
import { ParticipationNote, useParticipation } from '../referrals/participation-note';
import { formatPercent } from './format';
import { PositionBadge } from './position';
import { childAssessmentsQuery } from './queries';
import type { TChildAssessments, TShare } from './types';
import './assessments.css';

/**
 * The assessment part of a child's profile, from the joint assessments: the timeline, the protective
 * share per policy theme over time, the risk factors that persist or occur together, and every factor over time.
 */
export function ChildAssessmentsSection({ childId }: { childId: string }) {
  const { t } = useTranslation('assessments');
  const profile = useQuery(childAssessmentsQuery(childId));
  if (profile.isPending) return <Loader aria-label={t('profile.loading')} />;
  if (profile.error) {
    const noRelation = profile.error instanceof ApiError && profile.error.status === 404;
    return noRelation ? <Text>{t('profile.noAccess')}</Text> : <ErrorAlert error={profile.error} />;
  }
  if (profile.data.timeline.length === 0) return <Text>{t('profile.none')}</Text>;
  return <Profile data={profile.data} childId={childId} />;
}

function Sub({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={3} size="h4" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

function ShareText({ share }: { share: TShare | undefined }) {
  const { t, i18n } = useTranslation('assessments');
  if (!share || share.share === null) return <>–</>;
  return (
    <>
      {formatPercent(share.share, i18n.language)}{' '}
      <Text span size="sm">
        ({t('profile.ofAssessed', { present: share.present, assessed: share.assessed })})
      </Text>
    </>
  );
}

/** A column per joint assessment: the round, and the day it was made. */
function AssessmentColumns({ data }: { data: TChildAssessments }) {
  const { i18n } = useTranslation('assessments');
  return (
    <>
      {data.timeline.map((e) => (
        <Table.Th scope="col" key={e.assessmentId}>
          {e.round.name}
          <Text span display="block" size="xs" fw={400}>
            {formatDate(e.assessedOn, i18n.language)}
          </Text>
        </Table.Th>
      ))}
    </>
  );
}

function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  // Focusable, so a keyboard user can scroll a table wider than the screen (WCAG 2.1.1).
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="scroll-region" aria-label={label} tabIndex={0}>
      {children}
    </section>
  );
}

function Profile({ data, childId }: { data: TChildAssessments; childId: string }) {
  const { t, i18n } = useTranslation('assessments');
  const participation = useParticipation(childId);
  const [onlyPresent, setOnlyPresent] = useState(false);
  // By default the factors meant for the child's age; a toggle shows every factor ever assessed.
  const [allAges, setAllAges] = useState(false);
  const latest = data.timeline.at(-1);
  const present = data.persistence.filter((p) => p.run > 0).sort((a, b) => b.run - a.run);
  const labelOf = new Map(data.grid.map((g) => [g.code, g.label]));
  const rows = data.grid
    .filter((g) => allAges || g.fitsAge)
    .filter((g) => !onlyPresent || g.cells.includes('present'));

  return (
    <Stack gap="xl" className="assessments-ui">
      <Sub id="assessments-timeline" title={t('profile.timeline')}>
        <ScrollRegion label={t('profile.timeline')}>
          <Table captionSide="top" striped>
            <Table.Caption className="visually-hidden">{t('profile.timelineCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.round')}</Table.Th>
                <Table.Th scope="col">{t('profile.date')}</Table.Th>
                <Table.Th scope="col">{t('profile.position')}</Table.Th>
                <Table.Th scope="col">{t('profile.protectiveShare')}</Table.Th>
                <Table.Th scope="col">{t('profile.riskLoad')}</Table.Th>
                <Table.Th scope="col">{t('profile.locked')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data.timeline].reverse().map((e) => (
                <Table.Tr key={e.assessmentId}>
                  <Table.Th scope="row" fw={400}>
                    <AnchorLink to="/vurderinger/$assessmentId" params={{ assessmentId: e.assessmentId }}>
                      {e.round.name}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{formatDate(e.assessedOn, i18n.language)}</Table.Td>
                  <Table.Td>
                    <PositionBadge position={e.position} />
                  </Table.Td>
                  <Table.Td>
                    <ShareText share={e.protectiveShare} />
                  </Table.Td>
                  <Table.Td>{e.riskLoad}</Table.Td>
                  <Table.Td>{e.locked ? t('yes') : t('no')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Sub>

      <Sub id="assessments-risks" title={t('profile.risks')}>
        <Text mb="xs" data-testid="co-occurrence">
          {latest
            ? t('profile.coOccurrence', { count: data.coOccurrence.count, round: latest.round.name })
            : ''}
        </Text>
        {present.length > 0 ? (
          <ScrollTable>
            {' '}
            <Table captionSide="top" maw={720}>
              <Table.Caption className="visually-hidden">{t('profile.persistenceCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('profile.riskFactor')}</Table.Th>
                  <Table.Th scope="col">{t('profile.run')}</Table.Th>
                  <Table.Th scope="col">{t('profile.persistent')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {present.map((p) => (
                  <Table.Tr key={p.code}>
                    <Table.Th scope="row" fw={400}>
                      {labelOf.get(p.code) ?? p.label}
                    </Table.Th>
                    <Table.Td>{t('profile.runCount', { count: p.run })}</Table.Td>
                    <Table.Td>
                      {p.run >= 2 ? <strong>{t('profile.persistentYes')}</strong> : t('no')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
        <Text size="sm" mt="xs">
          {t('profile.persistenceHint')}
        </Text>
      </Sub>

      <Sub id="assessments-themes" title={t('profile.themes')}>
        <Text size="sm" mb="xs">
          {t('profile.themesHint')}
        </Text>
        <ScrollRegion label={t('profile.themes')}>
          <Table captionSide="top" striped>
            <Table.Caption className="visually-hidden">{t('profile.themesCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.theme')}</Table.Th>
                <AssessmentColumns data={data} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('profile.allProtective')}</Table.Th>
                {data.timeline.map((e) => (
                  <Table.Td key={e.assessmentId} fw={700}>
                    <ShareText share={e.protectiveShare} />
                  </Table.Td>
                ))}
              </Table.Tr>
              {data.themes.map((theme) => (
                <Table.Tr key={theme.code}>
                  <Table.Th scope="row" fw={400}>
                    {i18n.language === 'en' ? theme.nameEn : theme.nameDa}
                  </Table.Th>
                  {data.timeline.map((e) => (
                    <Table.Td key={e.assessmentId}>
                      <ShareText share={e.byTheme.find((b) => b.themeCode === theme.code)} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Sub>

      <Sub id="assessments-grid" title={t('profile.grid')}>
        <Group gap="lg" mb="sm">
          <Checkbox
            label={t('profile.onlyPresent')}
            checked={onlyPresent}
            onChange={(e) => setOnlyPresent(e.currentTarget.checked)}
          />
          <Checkbox
            label={t('profile.allAges')}
            checked={allAges}
            onChange={(e) => setAllAges(e.currentTarget.checked)}
          />
        </Group>
        <ScrollRegion label={t('profile.grid')}>
          <Table captionSide="top" striped>
            <Table.Caption className="visually-hidden">{t('profile.gridCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('profile.factor')}</Table.Th>
                <Table.Th scope="col">{t('profile.kindColumn')}</Table.Th>
                <AssessmentColumns data={data} />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.code}>
                  <Table.Th scope="row" fw={400}>
                    {i18n.language === 'en' ? row.labelEn : row.labelDa}
                    <ParticipationNote items={participation.get(row.code)} />
                  </Table.Th>
                  <Table.Td>{t(`kind.${row.kind}Short`)}</Table.Td>
                  {row.cells.map((cell, i) => (
                    <Table.Td
                      // Cells have no identity beyond their column.
                      // biome-ignore lint/suspicious/noArrayIndexKey: see above
                      key={i}
                      className="state-cell"
                      data-state={cell ?? 'none'}
                      data-kind={row.kind}
                    >
                      {cell ? t(`state.${cell}`) : t('profile.notInVersion')}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollRegion>
      </Sub>
    </Stack>
  );
}

import { Loader, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  TLearning,
  TLearningCell,
  TLearningFigures,
  TLearningGroup,
  TLearningOffer,
} from '../../../shared/schemas/offer-learning';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { TitledSection } from '../../components/titled-section';
import { can, useMe } from '../auth/session';
import '../measurement/measurement.css';
import { formatShare } from '../measurement/format';
import { offerKindsQuery } from '../offers/queries';
import { ChangeChart, REFERENCE_COLOR, STARTERS_COLOR, type TChangeRow } from './change-chart';
import { changeText, intervalText } from './change-format';
import { DecisionForm } from './decision-form';
import { learningQuery } from './queries';

/** Intervention learning (issue 15, item 9): does each offer help, against comparable children who did not start. */
export function LearningPage() {
  const { t } = useTranslation('planning');
  usePageTitle(t('learning.title'));
  const learning = useQuery(learningQuery);
  const kinds = useQuery(offerKindsQuery);
  const [kind, setKind] = useState('');
  const { i18n } = useTranslation();
  const kindLabel = (code: string) => {
    const k = kinds.data?.items.find((x) => x.code === code);
    return (i18n.language === 'en' ? k?.labelEn : k?.labelDa) ?? code;
  };
  return (
    <Stack gap="lg">
      <Title order={1}>{t('learning.title')}</Title>
      {learning.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={learning.error} />
      {learning.data ? (
        <>
          <Text>{t('learning.intro', { months: learning.data.followUpMonths })}</Text>
          <Text size="sm">{t('learning.notCausal')}</Text>
          <KindTable data={learning.data} kindLabel={kindLabel} />
          <TitledSection id="learning-offers" title={t('learning.byOffer')}>
            <NativeSelect
              label={t('learning.filterKind')}
              value={kind}
              onChange={(e) => setKind(e.currentTarget.value)}
              data={[
                { value: '', label: t('learning.allKinds') },
                ...learning.data.kinds.map((k) => ({ value: k.kind, label: kindLabel(k.kind) })),
              ]}
              maw={320}
              mb="md"
            />
            <OfferList data={learning.data} kind={kind} kindLabel={kindLabel} />
          </TitledSection>
        </>
      ) : null}
    </Stack>
  );
}

function cellTexts(cell: TLearningCell, t: ReturnType<typeof useTranslation>['t'], lng: string) {
  return {
    change: changeText(cell, t, lng),
    ci: intervalText(cell, t, lng),
    n: cell.hidden || cell.n === null ? t('notAvailable') : String(cell.n),
  };
}

function KindTable({ data, kindLabel }: { data: TLearning; kindLabel: (code: string) => string }) {
  const { t, i18n } = useTranslation('planning');
  const lng = i18n.language;
  const rows = data.kinds.filter((k) => k.started > 0);
  return (
    <TitledSection id="learning-kinds" title={t('learning.byKind')}>
      {rows.length === 0 ? (
        <Text>{t('learning.noOffers')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={800}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('learning.kind')}</Table.Th>
                <Table.Th scope="col">{t('learning.started')}</Table.Th>
                <Table.Th scope="col">{t('learning.n')}</Table.Th>
                <Table.Th scope="col">{t('learning.coverage')}</Table.Th>
                <Table.Th scope="col">{t('learning.change')}</Table.Th>
                <Table.Th scope="col">{t('learning.ci')}</Table.Th>
                <Table.Th scope="col">{t('learning.reference')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((k) => {
                const s = cellTexts(k.starters.overall, t, lng);
                const r = cellTexts(k.reference.overall, t, lng);
                return (
                  <Table.Tr key={k.kind}>
                    <Table.Th scope="row">{kindLabel(k.kind)}</Table.Th>
                    <Table.Td>{k.started}</Table.Td>
                    <Table.Td>{s.n}</Table.Td>
                    <Table.Td>
                      {k.starters.overall.hidden
                        ? t('notAvailable')
                        : formatShare(k.starters.overall.coverage, lng, 0)}
                    </Table.Td>
                    <Table.Td>{s.change}</Table.Td>
                    <Table.Td>{s.ci}</Table.Td>
                    <Table.Td>
                      {k.reference.overall.hidden ? r.change : `${r.change} (${r.ci}; n = ${r.n})`}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </TitledSection>
  );
}

function OfferList({
  data,
  kind,
  kindLabel,
}: {
  data: TLearning;
  kind: string;
  kindLabel: (code: string) => string;
}) {
  const { t } = useTranslation('planning');
  const inKind = data.offers.filter((o) => !kind || o.kind === kind);
  const shown = inKind.filter((o) => o.started > 0);
  return (
    <Stack gap="lg">
      {shown.length === 0 ? <Text>{t('learning.noOffers')}</Text> : null}
      {shown.map((o) => (
        <OfferLearning key={o.offerId} offer={o} data={data} kindLabel={kindLabel} />
      ))}
      {inKind.length > shown.length ? (
        <Text size="sm">{t('learning.noneStarted', { count: inKind.length - shown.length })}</Text>
      ) : null}
    </Stack>
  );
}

function measureRows(
  group: TLearningGroup,
  data: TLearning,
  t: ReturnType<typeof useTranslation>['t'],
  lng: string,
) {
  const themeName = (code: string) => {
    const theme = data.themes.find((x) => x.code === code);
    return (lng === 'en' ? theme?.nameEn : theme?.nameDa) ?? code;
  };
  const byTheme = (f: TLearningFigures, code: string) =>
    f.themes.find((x) => x.themeCode === code)?.cell as TLearningCell;
  return [
    {
      key: 'all',
      label: t('learning.overall'),
      starters: group.starters.overall,
      reference: group.reference.overall,
    },
    ...group.starters.themes.map((x) => ({
      key: x.themeCode,
      label: themeName(x.themeCode),
      starters: x.cell,
      reference: byTheme(group.reference, x.themeCode),
    })),
  ] satisfies TChangeRow[];
}

function OfferLearning({
  offer: o,
  data,
  kindLabel,
}: {
  offer: TLearningOffer;
  data: TLearning;
  kindLabel: (code: string) => string;
}) {
  const { t, i18n } = useTranslation('planning');
  const { t: to } = useTranslation('offers');
  const lng = i18n.language;
  const me = useMe();
  const headingId = useId();
  const rows = measureRows(o, data, t, lng);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={3} id={headingId}>
          {o.name}
        </Title>
        <Text size="sm">
          {kindLabel(o.kind)} · {t('learning.status')}: {to(`status.${o.status}`)} · {t('learning.started')}:{' '}
          {o.started}
          {o.starters.overall.hidden
            ? ''
            : ` · ${t('learning.coverage')}: ${formatShare(o.starters.overall.coverage, lng, 0)}`}
        </Text>
        <figure className="measurement-figure">
          <ChangeChart
            rows={rows}
            title={t('learning.chartTitle', { offer: o.name })}
            description={t('learning.chartDescription')}
          />
          <ul className="measurement-legend">
            <li>
              <svg width="14" height="14" aria-hidden="true">
                <circle cx="7" cy="7" r="5.5" fill={STARTERS_COLOR} />
              </svg>
              {t('learning.legendStarters')}
            </li>
            <li>
              <svg width="14" height="14" aria-hidden="true">
                <rect
                  x="2"
                  y="2"
                  width="10"
                  height="10"
                  fill="#fff"
                  stroke={REFERENCE_COLOR}
                  strokeWidth="2"
                />
              </svg>
              {t('learning.legendReference')}
            </li>
          </ul>
        </figure>
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder>
            <caption className="visually-hidden">{t('learning.chartTitle', { offer: o.name })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('learning.measure')}</Table.Th>
                <Table.Th scope="col">{t('learning.n')}</Table.Th>
                <Table.Th scope="col">{t('learning.before')}</Table.Th>
                <Table.Th scope="col">{t('learning.after')}</Table.Th>
                <Table.Th scope="col">{t('learning.change')}</Table.Th>
                <Table.Th scope="col">{t('learning.ci')}</Table.Th>
                <Table.Th scope="col">{t('learning.referenceN')}</Table.Th>
                <Table.Th scope="col">{t('learning.reference')}</Table.Th>
                <Table.Th scope="col">{t('learning.ci')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const s = cellTexts(r.starters, t, lng);
                const ref = cellTexts(r.reference, t, lng);
                return (
                  <Table.Tr key={r.key}>
                    <Table.Th scope="row">{r.label}</Table.Th>
                    <Table.Td>{s.n}</Table.Td>
                    <Table.Td>
                      {r.starters.hidden ? t('notAvailable') : formatShare(r.starters.meanBefore, lng)}
                    </Table.Td>
                    <Table.Td>
                      {r.starters.hidden ? t('notAvailable') : formatShare(r.starters.meanAfter, lng)}
                    </Table.Td>
                    <Table.Td>{s.change}</Table.Td>
                    <Table.Td>{s.ci}</Table.Td>
                    <Table.Td>{ref.n}</Table.Td>
                    <Table.Td>{ref.change}</Table.Td>
                    <Table.Td>{ref.ci}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Title order={4}>{t('learning.decisions')}</Title>
        {o.decisions.length === 0 ? (
          <Text size="sm">{t('learning.noDecisions')}</Text>
        ) : (
          <ul>
            {o.decisions.map((d) => (
              <li key={d.id}>
                <Text size="sm" fw={700} component="span">
                  {t('learning.decisionBy', {
                    decision: t(`learning.decisionKind.${d.decision}`),
                    name: d.decidedBy.name,
                    at: formatDateTime(d.decidedAt, lng),
                  })}
                </Text>
                <Text size="sm">{d.reason}</Text>
              </li>
            ))}
          </ul>
        )}
        {can(me, 'decide:offer:municipality') && o.status !== 'closed' ? (
          <DecisionForm offerId={o.offerId} />
        ) : null}
      </Stack>
    </Paper>
  );
}

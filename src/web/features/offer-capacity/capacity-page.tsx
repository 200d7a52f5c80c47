import { Loader, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TCapacityOffer, TCapacityOverview } from '../../../shared/schemas/offer-capacity';
import { DEFAULT_LONG_WAIT_DAYS } from '../../../shared/schemas/offer-capacity';
import { api } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { TitledSection } from '../../components/titled-section';
import { offerKindsQuery } from '../offers/queries';
import { districtsQuery } from '../org/queries';

type TLabels = { kind: (code: string) => string; district: (id: string | null) => string };

/** The leaders' capacity overview (issue 15, item 8): full offers, long waits, declines for lack of capacity. */
export function CapacityPage() {
  const { t, i18n } = useTranslation('planning');
  usePageTitle(t('capacity.title'));
  const [days, setDays] = useState(DEFAULT_LONG_WAIT_DAYS);
  const overview = useQuery({
    queryKey: ['capacity-overview', days],
    queryFn: () => api.get<TCapacityOverview>('/api/v1/offers/capacity-overview', { longWaitDays: days }),
    placeholderData: keepPreviousData,
  });
  const kinds = useQuery(offerKindsQuery);
  const districts = useQuery(districtsQuery);
  const labels: TLabels = {
    kind: (code) => {
      const k = kinds.data?.items.find((x) => x.code === code);
      return (i18n.language === 'en' ? k?.labelEn : k?.labelDa) ?? code;
    },
    district: (id) =>
      id === null ? t('capacity.noDistrict') : (districts.data?.find((d) => d.id === id)?.name ?? ''),
  };
  const data = overview.data;
  return (
    <Stack gap="lg">
      <Title order={1}>{t('capacity.title')}</Title>
      <Text>{t('capacity.intro', { months: data?.windowMonths ?? 6 })}</Text>
      <NumberInput
        label={t('capacity.longWaitDays')}
        value={days}
        min={1}
        max={365}
        maw={240}
        onChange={(v) => {
          const n = typeof v === 'number' ? v : Number(v);
          if (Number.isInteger(n) && n >= 1 && n <= 365) setDays(n);
        }}
      />
      <ErrorAlert error={overview.error} />
      {overview.isPending ? <Loader aria-label={t('loading')} /> : null}
      {data ? (
        <>
          <TitledSection id="capacity-full" title={t('capacity.full')}>
            {data.full.length === 0 ? (
              <Text>{t('capacity.noFull')}</Text>
            ) : (
              <OfferTable offers={data.full} labels={labels} caption={t('capacity.full')} />
            )}
          </TitledSection>
          <TitledSection id="capacity-waits" title={t('capacity.longWaits')}>
            {data.longWaits.length === 0 ? (
              <Text>{t('capacity.noLongWaits', { days: data.longWaitDays })}</Text>
            ) : (
              <OfferTable offers={data.longWaits} labels={labels} caption={t('capacity.longWaits')} />
            )}
          </TitledSection>
          <TitledSection id="capacity-declined" title={t('capacity.declined')}>
            <DeclinedTable overview={data} labels={labels} />
          </TitledSection>
        </>
      ) : null}
    </Stack>
  );
}

function OfferTable({
  offers,
  labels,
  caption,
}: {
  offers: TCapacityOffer[];
  labels: TLabels;
  caption: string;
}) {
  const { t } = useTranslation('planning');
  const wait = (o: TCapacityOffer, v: number | null) =>
    o.wait.hidden ? t('hidden') : v === null ? t('notAvailable') : String(v).replace('.', ',');
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped withTableBorder>
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('capacity.offer')}</Table.Th>
            <Table.Th scope="col">{t('capacity.kind')}</Table.Th>
            <Table.Th scope="col">{t('capacity.district')}</Table.Th>
            <Table.Th scope="col">{t('capacity.places')}</Table.Th>
            <Table.Th scope="col">{t('capacity.waitingList')}</Table.Th>
            <Table.Th scope="col">{t('capacity.started')}</Table.Th>
            <Table.Th scope="col">{t('capacity.median')}</Table.Th>
            <Table.Th scope="col">{t('capacity.p90')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {offers.map((o) => (
            <Table.Tr key={o.offerId}>
              <Table.Th scope="row">
                <AnchorLink to="/tilbud/$offerId" params={{ offerId: o.offerId }}>
                  {o.name}
                </AnchorLink>
              </Table.Th>
              <Table.Td>{labels.kind(o.kind)}</Table.Td>
              <Table.Td>{labels.district(o.districtId)}</Table.Td>
              <Table.Td>{o.capacityTotal ?? t('notAvailable')}</Table.Td>
              <Table.Td>{o.waitingList}</Table.Td>
              <Table.Td>{o.wait.started}</Table.Td>
              <Table.Td>{wait(o, o.wait.medianDays)}</Table.Td>
              <Table.Td>{wait(o, o.wait.p90Days)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeclinedTable({ overview, labels }: { overview: TCapacityOverview; labels: TLabels }) {
  const { t } = useTranslation('planning');
  const { districts, rows } = overview.declinedNoCapacity;
  if (rows.length === 0) return <Text>{t('capacity.noDeclined')}</Text>;
  const count = (c: { count: number | null; hidden: boolean }) =>
    c.hidden ? t('hidden') : String(c.count ?? 0);
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped withTableBorder>
        <caption className="visually-hidden">{t('capacity.declined')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('capacity.kind')}</Table.Th>
            {districts.map((d) => (
              <Table.Th scope="col" key={d.id ?? 'none'}>
                {d.name ?? t('capacity.noDistrict')}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('capacity.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.kind}>
              <Table.Th scope="row">{labels.kind(r.kind)}</Table.Th>
              {r.cells.map((c) => (
                <Table.Td key={c.districtId ?? 'none'}>{count(c)}</Table.Td>
              ))}
              <Table.Td>{count(r.total)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

import {
  Anchor,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { Pager } from '../../components/pager';
import { can, useMe } from '../auth/session';
import { ButtonLink } from '../concerns/button-link';
import { LeisurePassSettingsSection } from '../leisure-passes/leisure-pass-settings-section';
import { HSDS_DOWNLOAD, offerKindsQuery, offersQuery, type TOfferFilters } from './queries';

const PAGE_SIZE = 25;

/** The municipality's offers: search and filter, open one, add one, download the catalogue as HSDS. */
export function OffersPage() {
  const { t, i18n } = useTranslation('offers');
  usePageTitle(t('list.pageTitle'));
  const me = useMe();
  const [draft, setDraft] = useState<TOfferFilters>({});
  const [filters, setFilters] = useState<TOfferFilters>({ page: 1 });
  const offers = useQuery(offersQuery({ ...filters, pageSize: PAGE_SIZE }));
  const kinds = useQuery(offerKindsQuery);
  const kindOptions = (kinds.data?.items ?? []).map((k) => ({
    value: k.code,
    label: i18n.language === 'en' ? k.labelEn : k.labelDa,
  }));
  function search(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft, page: 1 });
  }
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{t('list.pageTitle')}</Title>
        <Group>
          {can(me, 'export:offer:municipality') ? (
            <Anchor href={HSDS_DOWNLOAD} download>
              {t('list.download')}
            </Anchor>
          ) : null}
          {can(me, 'manage:offer:municipality') || can(me, 'write:offer:provider') ? (
            <ButtonLink to="/tilbud/nyt">{t('list.new')}</ButtonLink>
          ) : null}
        </Group>
      </Group>
      <Text>{t('list.intro')}</Text>
      <form onSubmit={search} aria-label={t('list.search')}>
        <Group align="flex-end">
          <TextInput
            label={t('list.search')}
            value={draft.q ?? ''}
            onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
          />
          <NativeSelect
            label={t('list.kind')}
            data={[{ value: '', label: t('list.any') }, ...kindOptions]}
            value={draft.kind ?? ''}
            onChange={(e) => setDraft({ ...draft, kind: e.currentTarget.value || undefined })}
          />
          <NativeSelect
            label={t('list.status')}
            data={[
              { value: '', label: t('list.any') },
              ...(['active', 'paused', 'closed'] as const).map((s) => ({
                value: s,
                label: t(`status.${s}`),
              })),
            ]}
            value={draft.status ?? ''}
            onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value || undefined })}
          />
          <NumberInput
            label={t('list.age')}
            min={0}
            max={25}
            w={120}
            value={draft.age ?? ''}
            onChange={(v) => setDraft({ ...draft, age: typeof v === 'number' ? v : undefined })}
          />
          <Button type="submit">{t('list.searchButton')}</Button>
        </Group>
      </form>
      {offers.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={offers.error} />
      {offers.data?.items.length === 0 ? <Text>{t('list.none')}</Text> : null}
      {offers.data && offers.data.items.length > 0 ? (
        <>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('list.pageTitle')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('list.name')}</Table.Th>
                  <Table.Th scope="col">{t('list.provider')}</Table.Th>
                  <Table.Th scope="col">{t('list.kind')}</Table.Th>
                  <Table.Th scope="col">{t('list.ages')}</Table.Th>
                  <Table.Th scope="col">{t('list.places')}</Table.Th>
                  <Table.Th scope="col">{t('list.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {offers.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>
                      <AnchorLink to="/tilbud/$offerId" params={{ offerId: o.id }}>
                        {o.name}
                      </AnchorLink>
                    </Table.Td>
                    <Table.Td>{o.provider.name}</Table.Td>
                    <Table.Td>{o.kindLabel}</Table.Td>
                    <Table.Td>{t('list.agesValue', { from: o.ageFrom, to: o.ageTo })}</Table.Td>
                    <Table.Td>
                      {o.capacity
                        ? t('list.placesValue', { free: o.capacity.free, total: o.capacity.total })
                        : t('list.placesUnknown')}
                    </Table.Td>
                    <Table.Td>{t(`status.${o.status}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Pager
            page={offers.data.page}
            pageSize={offers.data.pageSize}
            total={offers.data.total}
            label={t('list.pageTitle')}
            onChange={(page) => setFilters({ ...filters, page })}
          />
        </>
      ) : null}
      {can(me, 'manage:offer:municipality') ? <LeisurePassSettingsSection /> : null}
    </Stack>
  );
}

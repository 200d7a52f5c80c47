import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOffer } from '../../../shared/schemas/offer-views';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { ScrollTable } from '../../components/scroll-table';
import { OfferForm } from './offer-form';
import { scheduleText } from './offer-labels';
import { offerQuery } from './queries';

const route = getRouteApi('/app/tilbud/$offerId');

/** One offer with every field; those who maintain it edit it here. */
export function OfferPage() {
  const { t } = useTranslation('offers');
  const { offerId } = route.useParams();
  const offer = useQuery(offerQuery(offerId));
  usePageTitle(offer.data?.name ?? t('list.pageTitle'));
  return (
    <Stack gap="lg">
      <AnchorLink to="/tilbud" size="sm">
        {t('detail.back')}
      </AnchorLink>
      {offer.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={offer.error} />
      {offer.data ? <OfferDetail offer={offer.data} /> : null}
    </Stack>
  );
}

function OfferDetail({ offer: o }: { offer: TOffer }) {
  const { t, i18n } = useTranslation('offers');
  const [editing, setEditing] = useState(false);
  const rows: [string, string][] = [
    [t('detail.provider'), `${o.provider.name} (${t(`providerKind.${o.provider.kind}`)})`],
    [t('detail.kind'), o.kindLabel],
    [t('detail.ages'), t('list.agesValue', { from: o.ageFrom, to: o.ageTo })],
    [t('detail.eligibility'), o.eligibility],
    [
      t('detail.cost'),
      [
        o.costDkk === 0 ? t('detail.free') : t('detail.costValue', { amount: o.costDkk }),
        o.leisurePass ? t('detail.leisurePass') : '',
        o.costNote,
      ]
        .filter(Boolean)
        .join('; '),
    ],
    [
      t('detail.place'),
      [o.placeName, o.address, `${o.postalCode} ${o.city}`.trim()].filter(Boolean).join(', '),
    ],
    [t('detail.district'), o.district?.name ?? ''],
    [t('detail.schedule'), scheduleText(o, t)],
    [t('detail.languages'), o.languages.join(', ')],
    [t('detail.contact'), [o.contactName, o.contactPhone, o.contactEmail].filter(Boolean).join(', ')],
    [t('detail.access'), t(`access.${o.access}`)],
    [t('detail.status'), t(`status.${o.status}`)],
    [
      t('detail.capacity'),
      o.capacity
        ? t('detail.capacityValue', {
            free: o.capacity.free,
            total: o.capacity.total,
            updated: formatDateTime(o.capacity.updatedAt, i18n.language),
          })
        : t('detail.capacityUnknown'),
    ],
    [t('detail.factors'), o.factors.map((f) => f.label).join(', ')],
    [t('detail.owner'), o.owner?.name ?? ''],
  ];
  return (
    <Stack gap="lg">
      <Group justify="space-between">
        <Title order={1}>{o.name}</Title>
        {o.canEdit && !editing ? <Button onClick={() => setEditing(true)}>{t('detail.edit')}</Button> : null}
      </Group>
      <Text>{o.description}</Text>
      {editing ? (
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('form.editTitle')}
          </Title>
          <OfferForm offer={o} onDone={() => setEditing(false)} />
        </Paper>
      ) : (
        <section aria-labelledby="offer-facts">
          <Title order={2} size="h3" mb="sm" id="offer-facts">
            {t('detail.facts')}
          </Title>
          <ScrollTable>
            <Table aria-labelledby="offer-facts">
              <Table.Tbody>
                {rows
                  .filter(([, value]) => value !== '')
                  .map(([label, value]) => (
                    <Table.Tr key={label}>
                      <Table.Th scope="row" w={260}>
                        {label}
                      </Table.Th>
                      <Table.Td>{value}</Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </section>
      )}
    </Stack>
  );
}

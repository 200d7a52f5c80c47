import { Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TReferralWorkItem } from '../../../shared/schemas/referral-views';
import { api } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';

/** Mit arbejde: the user's referrals with no answer in time, declined ones needing a new choice, unused passes. */
export function MyReferralsSection() {
  const { t, i18n } = useTranslation('work');
  const { t: to } = useTranslation('offers');
  const work = useQuery({
    queryKey: ['my-work', 'referrals'],
    queryFn: () => api.get<{ items: TReferralWorkItem[] }>('/api/v1/my-work/referrals'),
  });
  const what = (i: TReferralWorkItem) =>
    t(`referrals.kind.${i.kind}`, {
      weekdays: i.weekdays ?? 0,
      reason: i.declineReason ? to(`declineReason.${i.declineReason}`).toLowerCase() : '',
      amount: i.amountDkk ?? 0,
    });
  return (
    <section aria-labelledby="my-referrals-title">
      <Title order={2} size="h3" id="my-referrals-title" mb="xs">
        {t('referrals.title')}
      </Title>
      <ErrorAlert error={work.error} />
      {work.data?.items.length === 0 ? <Text>{t('referrals.none')}</Text> : null}
      {work.data && work.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-labelledby="my-referrals-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('referrals.child')}</Table.Th>
                <Table.Th scope="col">{t('referrals.offer')}</Table.Th>
                <Table.Th scope="col">{t('referrals.what')}</Table.Th>
                <Table.Th scope="col">{t('referrals.since')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {work.data.items.map((i) => (
                <Table.Tr key={`${i.kind}-${i.id}`}>
                  <Table.Td>
                    <AnchorLink to="/boern/$childId" params={{ childId: i.child.id }}>
                      {i.child.firstName} {i.child.lastName}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{i.offer.name}</Table.Td>
                  <Table.Td>{what(i)}</Table.Td>
                  <Table.Td>{formatDate(i.since, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </section>
  );
}

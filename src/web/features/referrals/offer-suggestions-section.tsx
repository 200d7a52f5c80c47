import { Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOfferSuggestion } from '../../../shared/schemas/offer-suggestion-views';
import { ErrorAlert } from '../../components/error-alert';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { can, useMe } from '../auth/session';
import { offerSuggestionsQuery } from './queries';
import { ReferralForm } from './referral-form';

/** On the child's profile: offers for the protective factors its latest joint assessment found absent, with why. */
export function OfferSuggestionsSection({ childId }: { childId: string }) {
  const { t, i18n } = useTranslation('offers');
  const suggestions = useQuery(offerSuggestionsQuery(childId));
  const data = suggestions.data;
  return (
    <section aria-labelledby="offer-suggestions-title">
      <Title order={3} size="h4" mb="xs" id="offer-suggestions-title">
        {t('suggestions.title')}
      </Title>
      {suggestions.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={suggestions.error} />
      {data ? (
        <Stack gap="xs">
          {!data.assessment ? <Text size="sm">{t('suggestions.noAssessment')}</Text> : null}
          {data.assessment && data.absentFactors.length === 0 ? (
            <Text size="sm">{t('suggestions.noneAbsent')}</Text>
          ) : null}
          {data.assessment && data.absentFactors.length > 0 ? (
            <Text size="sm">
              {t('suggestions.intro', {
                date: formatDate(data.assessment.assessedOn, i18n.language),
                factors: data.absentFactors.map((f) => f.label).join(', '),
              })}
            </Text>
          ) : null}
          {data.absentFactors.length > 0 && data.items.length === 0 ? (
            <Text size="sm">{t('suggestions.none')}</Text>
          ) : null}
          {data.items.map((s) => (
            <SuggestionCard key={s.offer.id} suggestion={s} childId={childId} />
          ))}
        </Stack>
      ) : null}
    </section>
  );
}

function SuggestionCard({
  suggestion: { offer, why },
  childId,
}: {
  suggestion: TOfferSuggestion;
  childId: string;
}) {
  const { t } = useTranslation('offers');
  const me = useMe();
  const [referring, setReferring] = useState(false);
  const canRefer = can(me, 'write:referral:unit') && can(me, 'read:consent:unit');
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <div>
          <AnchorLink to="/tilbud/$offerId" params={{ offerId: offer.id }} fw={700}>
            {offer.name}
          </AnchorLink>
          <Text size="sm">
            {offer.provider.name} · {offer.kindLabel}
            {offer.district ? ` · ${offer.district.name}` : ''}
          </Text>
        </div>
        <Text size="sm">
          {t('suggestions.factor', { factors: why.factors.map((f) => f.label).join(', ') })}
        </Text>
        <Group gap="xs" aria-label={t('suggestions.why')}>
          <Badge variant="light" color="gray">
            {t('suggestions.age', why.age)}
          </Badge>
          <Badge variant="light" color={why.nearness === 'otherDistrict' ? 'gray' : 'blue'}>
            {t(`suggestions.nearness.${why.nearness}`)}
          </Badge>
          <Badge variant="light" color={why.places === 'free' ? 'green' : 'gray'}>
            {t(`suggestions.places.${why.places}`)}
          </Badge>
          <Badge variant="light" color={why.cost === 'paid' ? 'gray' : 'green'}>
            {t(`suggestions.cost.${why.cost}`, { cost: offer.costDkk })}
          </Badge>
        </Group>
        {canRefer && !referring ? (
          <Group>
            <Button size="compact-sm" variant="light" onClick={() => setReferring(true)}>
              {t('suggestions.refer', { offer: offer.name })}
            </Button>
          </Group>
        ) : null}
        {canRefer && referring ? (
          <ReferralForm childId={childId} initialOfferId={offer.id} onDone={() => setReferring(false)} />
        ) : null}
      </Stack>
    </Paper>
  );
}

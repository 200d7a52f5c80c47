import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { childConsentsQuery } from '../consents/queries';
import { offersQuery } from '../offers/queries';
import { createReferral } from './queries';

/**
 * Refers the child to an active offer on a valid consent naming the offer's provider. Without one the form says
 * so and points to recording it; the server checks the basis again and names any problem at its field.
 */
export function ReferralForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation('offers');
  const queryClient = useQueryClient();
  const consents = useQuery(childConsentsQuery(childId));
  const offers = useQuery(offersQuery({ status: 'active', pageSize: 100 }));
  const [offerId, setOfferId] = useState<string | null>(null);
  const [consentId, setConsentId] = useState<string | null>(null);
  const [contact, setContact] = useState(true);
  const [ageReason, setAgeReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const age = consents.data?.child.age ?? 0;
  const offer = offers.data?.items.find((o) => o.id === offerId);
  const usable = (consents.data?.consents ?? []).filter(
    (c) => c.status === 'valid' && offer && c.recipientProviders.some((p) => p.id === offer.provider.id),
  );
  const consent = usable.find((c) => c.id === consentId) ?? usable[0];
  const outside = offer ? age < offer.ageFrom || age > offer.ageTo : false;
  const offersByFit = [...(offers.data?.items ?? [])].sort(
    (a, b) =>
      Number(age < b.ageFrom || age > b.ageTo) - Number(age < a.ageFrom || age > a.ageTo) ||
      a.name.localeCompare(b.name),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!offer || !consent) return;
    setBusy(true);
    setError(null);
    try {
      await createReferral({
        childId,
        offerId: offer.id,
        basis: 'consent',
        consentId: consent.id,
        sharedKinds:
          contact && consent.infoKinds.includes('contact') ? ['identity', 'contact'] : ['identity'],
        ...(outside && ageReason.trim() ? { ageReason: ageReason.trim() } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['referrals', 'child', childId] });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('referForm.title')}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <NativeSelect
          label={t('referForm.offer')}
          description={t('referForm.offerHint', { age })}
          data={[
            { value: '', label: t('form.choose') },
            ...offersByFit.map((o) => ({
              value: o.id,
              label: `${o.name} – ${o.provider.name} (${t('list.agesValue', { from: o.ageFrom, to: o.ageTo })})`,
            })),
          ]}
          value={offerId ?? ''}
          onChange={(e) => {
            setOfferId(e.currentTarget.value || null);
            setConsentId(null);
          }}
          error={fieldError(error, 'offerId')}
          required
        />
        {offer && usable.length === 0 ? (
          <Text role="status">{t('referForm.noConsent', { provider: offer.provider.name })}</Text>
        ) : null}
        {offer && usable.length > 0 ? (
          <NativeSelect
            label={t('referForm.consent')}
            data={usable.map((c) => ({ value: c.id, label: `${c.purpose} (${c.validFrom}–${c.validTo})` }))}
            value={consent?.id ?? ''}
            onChange={(e) => setConsentId(e.currentTarget.value)}
            error={fieldError(error, 'consentId')}
          />
        ) : null}
        {consent ? (
          <Checkbox
            label={t('referForm.contact')}
            checked={contact && consent.infoKinds.includes('contact')}
            disabled={!consent.infoKinds.includes('contact')}
            onChange={(e) => setContact(e.currentTarget.checked)}
            error={fieldError(error, 'sharedKinds')}
          />
        ) : null}
        {outside ? (
          <TextInput
            label={t('referForm.ageReason')}
            value={ageReason}
            onChange={(e) => setAgeReason(e.currentTarget.value)}
            error={fieldError(error, 'ageReason')}
            required
          />
        ) : null}
        <Group>
          <Button type="submit" loading={busy} disabled={!offer || !consent}>
            {t('referForm.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('referForm.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

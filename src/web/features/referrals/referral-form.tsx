import { Button, Checkbox, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { childConsentsQuery } from '../consents/queries';
import { offersQuery } from '../offers/queries';
import { createReferral } from './queries';

/** Where the referral is made from, besides the child's profile: a goal of its plan, or a meeting action. */
export type TReferralOriginProp =
  | { kind: 'goal'; planId: string; position: number; text: string }
  | { kind: 'action'; actionId: string; text: string };

interface TReferralFormProps {
  childId: string;
  onDone: () => void;
  origin?: TReferralOriginProp;
  /**
   * From a case: the case's current § 32 measures, referred on as the legal basis (caseworkers read no
   * consents). Without it the referral rests on the custodians' consent.
   */
  measures?: { id: string; title: string }[];
  /** The child's age, when the form does not read it from the consents (the case knows it). */
  childAge?: number;
  /** The offer chosen beforehand (a suggestion the user picked). */
  initialOfferId?: string;
}

/**
 * Refers the child to an active offer on a valid consent naming the offer's provider — or, from a case, on a
 * § 32 measure. Without a basis the form says so and points to recording it; the server checks the basis again
 * and names any problem at its field. A referral from a plan goal or a meeting action says so and carries it.
 */
export function ReferralForm({
  childId,
  onDone,
  origin,
  measures,
  childAge,
  initialOfferId,
}: TReferralFormProps) {
  const { t } = useTranslation('offers');
  const queryClient = useQueryClient();
  const legal = measures !== undefined;
  const consents = useQuery({ ...childConsentsQuery(childId), enabled: !legal });
  const offers = useQuery(offersQuery({ status: 'active', pageSize: 100 }));
  const [offerId, setOfferId] = useState<string | null>(initialOfferId ?? null);
  const [consentId, setConsentId] = useState<string | null>(null);
  const [contact, setContact] = useState(true);
  const [ageReason, setAgeReason] = useState('');
  const [measureId, setMeasureId] = useState(measures?.[0]?.id ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const age = childAge ?? consents.data?.child.age ?? 0;
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
    if (!offer || (legal ? !measureId : !consent)) return;
    setBusy(true);
    setError(null);
    try {
      await createReferral({
        childId,
        offerId: offer.id,
        ...(legal || !consent
          ? { basis: 'legalBasis' as const, measureId, sharedKinds: ['identity' as const] }
          : {
              basis: 'consent' as const,
              consentId: consent.id,
              sharedKinds:
                contact && consent.infoKinds.includes('contact')
                  ? ['identity' as const, 'contact' as const]
                  : ['identity' as const],
            }),
        ...(outside && ageReason.trim() ? { ageReason: ageReason.trim() } : {}),
        ...(origin?.kind === 'goal'
          ? { originGoal: { planId: origin.planId, position: origin.position } }
          : {}),
        ...(origin?.kind === 'action' ? { originActionId: origin.actionId } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['referrals', 'child', childId] });
      await queryClient.invalidateQueries({ queryKey: ['my-work'] });
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
        {origin ? (
          <Text>
            {t(origin.kind === 'goal' ? 'referrals.fromGoal' : 'referrals.fromAction', { text: origin.text })}
          </Text>
        ) : null}
        {fieldError(error, 'originGoal') || fieldError(error, 'originActionId') ? (
          <Text c="red.8" role="alert">
            {fieldError(error, 'originGoal') ?? fieldError(error, 'originActionId')}
          </Text>
        ) : null}
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
        {legal && measures.length === 0 ? <Text role="status">{t('referrals.noMeasure')}</Text> : null}
        {legal && measures.length > 0 ? (
          <NativeSelect
            label={t('referrals.measure')}
            data={measures.map((m) => ({ value: m.id, label: m.title }))}
            value={measureId}
            onChange={(e) => setMeasureId(e.currentTarget.value)}
            error={fieldError(error, 'measureId')}
          />
        ) : null}
        {!legal && offer && usable.length === 0 ? (
          <Text role="status">{t('referForm.noConsent', { provider: offer.provider.name })}</Text>
        ) : null}
        {!legal && offer && usable.length > 0 ? (
          <NativeSelect
            label={t('referForm.consent')}
            data={usable.map((c) => ({ value: c.id, label: `${c.purpose} (${c.validFrom}–${c.validTo})` }))}
            value={consent?.id ?? ''}
            onChange={(e) => setConsentId(e.currentTarget.value)}
            error={fieldError(error, 'consentId')}
          />
        ) : null}
        {!legal && consent ? (
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
          <Button type="submit" loading={busy} disabled={!offer || (legal ? !measureId : !consent)}>
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

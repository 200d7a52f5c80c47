import {
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NativeSelect,
  NumberInput,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TOffer } from '../../../shared/schemas/offer-views';
import { OFFER_ACCESS, OFFER_STATUSES } from '../../../shared/schemas/offers';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { can, useMe } from '../auth/session';
import { protectiveFactorsQuery } from '../cases/queries';
import { districtsQuery } from '../org/queries';
import { createOffer, offerKindsQuery, providersQuery, updateOffer } from './queries';

type TFields = {
  providerId: string;
  kind: string;
  name: string;
  description: string;
  ageFrom: number;
  ageTo: number;
  eligibility: string;
  costDkk: number;
  costNote: string;
  leisurePass: boolean;
  districtId: string | null;
  placeName: string;
  address: string;
  postalCode: string;
  city: string;
  languages: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  access: (typeof OFFER_ACCESS)[number];
  status: (typeof OFFER_STATUSES)[number];
  capacityTotal: number | null;
  capacityFree: number | null;
  factorCodes: string[];
};

function fromOffer(o: TOffer | undefined): TFields {
  return {
    providerId: o?.provider.id ?? '',
    kind: o?.kind ?? '',
    name: o?.name ?? '',
    description: o?.description ?? '',
    ageFrom: o?.ageFrom ?? 0,
    ageTo: o?.ageTo ?? 17,
    eligibility: o?.eligibility ?? '',
    costDkk: o?.costDkk ?? 0,
    costNote: o?.costNote ?? '',
    leisurePass: o?.leisurePass ?? false,
    districtId: o?.district?.id ?? null,
    placeName: o?.placeName ?? '',
    address: o?.address ?? '',
    postalCode: o?.postalCode ?? '',
    city: o?.city ?? '',
    languages: (o?.languages ?? ['da']).join(', '),
    contactName: o?.contactName ?? '',
    contactPhone: o?.contactPhone ?? '',
    contactEmail: o?.contactEmail ?? '',
    access: o?.access ?? 'referral',
    status: o?.status ?? 'active',
    capacityTotal: o?.capacity?.total ?? null,
    capacityFree: o?.capacity?.free ?? null,
    factorCodes: o?.factors.map((f) => f.code) ?? [],
  };
}

const num = (v: string | number): number | null => (typeof v === 'number' ? v : null);

/** Only what the edit changes goes to the server: an untouched field is never held against a changed list. */
function changedFrom<T extends Record<string, unknown>>(offer: TOffer, fields: T): Partial<T> {
  const { providerId: _p, languages, ...before } = fromOffer(offer);
  const original: Record<string, unknown> = { ...before, languages: languages.split(', ') };
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(original[key])),
  ) as Partial<T>;
}

/**
 * Creates an offer, or edits one (with its version). The server checks everything again and names the field
 * it refuses; the message is shown at that field. Factors can be chosen by those who may read the catalogue.
 */
export function OfferForm({ offer, onDone }: { offer?: TOffer; onDone: (saved: TOffer) => void }) {
  const { t, i18n } = useTranslation('offers');
  const me = useMe();
  const queryClient = useQueryClient();
  const [f, setF] = useState<TFields>(() => fromOffer(offer));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const kinds = useQuery(offerKindsQuery);
  const providers = useQuery({ ...providersQuery, enabled: !offer });
  const districts = useQuery(districtsQuery);
  const factors = useQuery({ ...protectiveFactorsQuery, enabled: can(me, 'read:catalogue:municipality') });
  const set = <K extends keyof TFields>(key: K, value: TFields[K]) =>
    setF((old) => ({ ...old, [key]: value }));
  const en = i18n.language === 'en';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const { providerId, languages, ...rest } = f;
    const fields = {
      ...rest,
      languages: languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
    };
    try {
      const saved = offer
        ? await updateOffer(offer.id, { version: offer.version, ...changedFrom(offer, fields) })
        : await createOffer({ providerId, ...fields });
      await queryClient.invalidateQueries({ queryKey: ['offers'] });
      queryClient.setQueryData(['offer', saved.id], saved);
      onDone(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const text = (key: keyof TFields, required = false) => (
    <TextInput
      label={t(`form.${key}`)}
      value={String(f[key] ?? '')}
      onChange={(e) => set(key, e.currentTarget.value as never)}
      error={fieldError(error, key)}
      required={required}
    />
  );

  return (
    <form onSubmit={submit} noValidate aria-label={offer ? t('form.editTitle') : t('form.createTitle')}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        {offer ? null : (
          <NativeSelect
            label={t('form.provider')}
            data={[
              { value: '', label: t('form.choose') },
              ...(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
            value={f.providerId}
            onChange={(e) => set('providerId', e.currentTarget.value)}
            error={fieldError(error, 'providerId')}
            required
          />
        )}
        {text('name', true)}
        <NativeSelect
          label={t('form.kind')}
          data={[
            { value: '', label: t('form.choose') },
            ...(kinds.data?.items ?? [])
              .filter((k) => k.active || k.code === f.kind)
              .map((k) => ({ value: k.code, label: en ? k.labelEn : k.labelDa })),
          ]}
          value={f.kind}
          onChange={(e) => set('kind', e.currentTarget.value)}
          error={fieldError(error, 'kind')}
          required
        />
        <Textarea
          label={t('form.description')}
          value={f.description}
          onChange={(e) => set('description', e.currentTarget.value)}
          error={fieldError(error, 'description')}
          autosize
          minRows={3}
          required
        />
        <Group grow>
          <NumberInput
            label={t('form.ageFrom')}
            min={0}
            max={25}
            value={f.ageFrom}
            onChange={(v) => set('ageFrom', num(v) ?? 0)}
            error={fieldError(error, 'ageFrom')}
            required
          />
          <NumberInput
            label={t('form.ageTo')}
            min={0}
            max={25}
            value={f.ageTo}
            onChange={(v) => set('ageTo', num(v) ?? 0)}
            error={fieldError(error, 'ageTo')}
            required
          />
        </Group>
        <Textarea
          label={t('form.eligibility')}
          value={f.eligibility}
          onChange={(e) => set('eligibility', e.currentTarget.value)}
          error={fieldError(error, 'eligibility')}
          autosize
        />
        <Group grow align="flex-start">
          <NumberInput
            label={t('form.costDkk')}
            min={0}
            value={f.costDkk}
            onChange={(v) => set('costDkk', num(v) ?? 0)}
            error={fieldError(error, 'costDkk')}
          />
          {text('costNote')}
        </Group>
        <Checkbox
          label={t('form.leisurePass')}
          checked={f.leisurePass}
          onChange={(e) => set('leisurePass', e.currentTarget.checked)}
        />
        <Group grow align="flex-start">
          {text('placeName')}
          {text('address')}
        </Group>
        <Group grow align="flex-start">
          {text('postalCode')}
          {text('city')}
          <NativeSelect
            label={t('form.district')}
            data={[
              { value: '', label: t('form.noDistrict') },
              ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
            ]}
            value={f.districtId ?? ''}
            onChange={(e) => set('districtId', e.currentTarget.value || null)}
            error={fieldError(error, 'districtId')}
          />
        </Group>
        {text('languages')}
        <Group grow align="flex-start">
          {text('contactName')}
          {text('contactPhone')}
          {text('contactEmail')}
        </Group>
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.access')}
            data={OFFER_ACCESS.map((a) => ({ value: a, label: t(`access.${a}`) }))}
            value={f.access}
            onChange={(e) => set('access', e.currentTarget.value as TFields['access'])}
          />
          <NativeSelect
            label={t('form.status')}
            data={OFFER_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            value={f.status}
            onChange={(e) => set('status', e.currentTarget.value as TFields['status'])}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('form.capacityTotal')}
            min={0}
            value={f.capacityTotal ?? ''}
            onChange={(v) => set('capacityTotal', num(v))}
            error={fieldError(error, 'capacityTotal')}
          />
          <NumberInput
            label={t('form.capacityFree')}
            min={0}
            value={f.capacityFree ?? ''}
            onChange={(v) => set('capacityFree', num(v))}
            error={fieldError(error, 'capacityFree')}
          />
        </Group>
        {factors.data ? (
          <MultiSelect
            label={t('form.factors')}
            data={factors.data.map((x) => ({ value: x.code, label: en ? x.labelEn : x.labelDa }))}
            value={f.factorCodes}
            onChange={(v) => set('factorCodes', v)}
            error={fieldError(error, 'factorCodes')}
            searchable
          />
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {offer ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

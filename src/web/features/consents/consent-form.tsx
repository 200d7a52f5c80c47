import { Button, Checkbox, Group, MultiSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INFO_KINDS, type TConsentsOfChild } from '../../../shared/schemas/consents';
import { PROFESSIONS } from '../../../shared/schemas/professions';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { providersQuery } from '../offers/queries';
import { unitsQuery } from '../org/queries';
import { createConsent } from './queries';

const todayIso = () => new Date().toISOString().slice(0, 10);
const inMonths = (months: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** Records a written consent: who gave it, which information, to whom, why, and for how long. */
export function ConsentForm({ data, onDone }: { data: TConsentsOfChild; onDone: () => void }) {
  const { t } = useTranslation('consents');
  const queryClient = useQueryClient();
  const units = useQuery(unitsQuery);
  const providers = useQuery(providersQuery);
  const [guardianIds, setGuardianIds] = useState<string[]>([]);
  const [youngPerson, setYoungPerson] = useState(false);
  const [infoKinds, setInfoKinds] = useState<string[]>(['concerns', 'wellbeing']);
  const [professions, setProfessions] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const [providerIds, setProviderIds] = useState<string[]>([]);
  const [purpose, setPurpose] = useState('');
  const [signedOn, setSignedOn] = useState(todayIso());
  const [validFrom, setValidFrom] = useState(todayIso());
  const [validTo, setValidTo] = useState(inMonths(6));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await createConsent(data.child.id, {
        guardianIds,
        youngPerson,
        infoKinds: infoKinds as (typeof INFO_KINDS)[number][],
        recipientProfessions: professions as (typeof PROFESSIONS)[number][],
        recipientUnitIds: unitIds,
        recipientProviderIds: providerIds,
        purpose,
        signedOn,
        validFrom,
        validTo,
      });
      await queryClient.invalidateQueries({ queryKey: ['consents', data.child.id] });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('form.title')}>
      <Stack gap="md">
        <ErrorAlert error={error} />
        <Checkbox.Group
          label={t('form.givers')}
          description={t('form.giversHint')}
          value={guardianIds}
          onChange={setGuardianIds}
          error={fieldError(error, 'guardianIds')}
        >
          <Stack gap={6} mt="xs">
            {data.custodians.map((g) => (
              <Checkbox
                key={g.id}
                value={g.id}
                label={`${g.name} (${t(`relation.${g.relation}`, g.relation)})`}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        {/* The young person's own consent can be recorded from 15 (create-consent.ts). */}
        {data.child.age >= 15 ? (
          <Checkbox
            label={t('form.youngPerson', { age: data.child.age })}
            checked={youngPerson}
            onChange={(e) => setYoungPerson(e.currentTarget.checked)}
            error={fieldError(error, 'youngPerson')}
          />
        ) : null}
        <Checkbox.Group
          label={t('form.kinds')}
          value={infoKinds}
          onChange={setInfoKinds}
          error={fieldError(error, 'infoKinds')}
          required
        >
          <Group gap="md" mt="xs">
            {INFO_KINDS.filter((k) => k !== 'identity').map((k) => (
              <Checkbox key={k} value={k} label={t(`kind.${k}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('form.professions')}
          description={t('form.recipientsHint')}
          value={professions}
          onChange={setProfessions}
          error={fieldError(error, 'recipients') ?? fieldError(error, 'recipientProfessions')}
        >
          <Group gap="md" mt="xs">
            {PROFESSIONS.map((p) => (
              <Checkbox key={p} value={p} label={t(`profession.${p}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <MultiSelect
          label={t('form.units')}
          data={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={unitIds}
          onChange={setUnitIds}
          searchable
          clearable
          error={fieldError(error, 'recipientUnitIds')}
        />
        <MultiSelect
          label={t('form.providers')}
          description={t('form.providersHint')}
          data={(providers.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={providerIds}
          onChange={setProviderIds}
          searchable
          clearable
          error={fieldError(error, 'recipientProviderIds')}
        />
        <Textarea
          label={t('form.purpose')}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          error={fieldError(error, 'purpose')}
          required
          autosize
          minRows={2}
        />
        <Group grow>
          <TextInput
            type="date"
            label={t('form.signedOn')}
            value={signedOn}
            onChange={(e) => setSignedOn(e.currentTarget.value)}
            error={fieldError(error, 'signedOn')}
            required
          />
          <TextInput
            type="date"
            label={t('form.validFrom')}
            value={validFrom}
            onChange={(e) => setValidFrom(e.currentTarget.value)}
            error={fieldError(error, 'validFrom')}
            required
          />
          <TextInput
            type="date"
            label={t('form.validTo')}
            value={validTo}
            onChange={(e) => setValidTo(e.currentTarget.value)}
            error={fieldError(error, 'validTo')}
            required
          />
        </Group>
        <Group>
          <Button type="submit" loading={busy}>
            {t('form.submit')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

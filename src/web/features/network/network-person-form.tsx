import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NETWORK_AGREEMENTS,
  NETWORK_RELATIONS,
  NETWORK_ROLES,
  NETWORK_TIES,
  type TCreateNetworkPersonInput,
  type TNetworkAgreement,
  type TNetworkRelation,
  type TNetworkRole,
  type TNetworkTie,
} from '../../../shared/schemas/network';
import type { TChildNetwork, TNetworkPerson } from '../../../shared/schemas/network-views';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { createNetworkPerson, updateNetworkPerson } from './queries';

interface TLinkState {
  on: boolean;
  tie: TNetworkTie;
  step: boolean;
  childAgreement: TNetworkAgreement;
}

/**
 * Records or changes a network person: who, how to reach them, resource or strain, what they can offer, the
 * parents' agreement, and — per child of the family the user reaches — the tie and the child's own agreement.
 */
export function NetworkPersonForm({
  network,
  person,
  onDone,
}: {
  network: TChildNetwork;
  person?: TNetworkPerson;
  onDone: () => void;
}) {
  const { t } = useTranslation('network');
  const queryClient = useQueryClient();
  const children = [network.child, ...network.siblings];
  const [name, setName] = useState(person?.name ?? '');
  const [relation, setRelation] = useState<TNetworkRelation>(person?.relation ?? 'grandparent');
  const [relationNote, setRelationNote] = useState(person?.relationNote ?? '');
  const [phone, setPhone] = useState(person?.phone ?? '');
  const [email, setEmail] = useState(person?.email ?? '');
  const [role, setRole] = useState<TNetworkRole>(person?.role ?? 'resource');
  const [canOffer, setCanOffer] = useState(person?.canOffer ?? '');
  const [guardiansAgreement, setGuardiansAgreement] = useState<TNetworkAgreement>(
    person?.guardiansAgreement ?? 'notAsked',
  );
  const [guardiansAgreedOn, setGuardiansAgreedOn] = useState(person?.guardiansAgreedOn ?? '');
  const [links, setLinks] = useState<Record<string, TLinkState>>(() =>
    Object.fromEntries(
      children.map((c) => {
        const link = person?.children.find((l) => l.childId === c.id);
        return [
          c.id,
          {
            on: c.id === network.child.id || Boolean(link),
            tie: link?.tie ?? 'strong',
            step: link?.step ?? false,
            childAgreement: link?.childAgreement ?? 'notAsked',
          },
        ];
      }),
    ),
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const setLink = (id: string, change: Partial<TLinkState>) =>
    setLinks((all) => ({ ...all, [id]: { ...(all[id] as TLinkState), ...change } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const chosen = children.filter((c) => links[c.id]?.on);
    const input: TCreateNetworkPersonInput = {
      name,
      relation,
      relationNote,
      phone,
      email,
      role,
      canOffer,
      guardiansAgreement,
      guardiansAgreedOn: guardiansAgreedOn || null,
      children: chosen.map((c) => {
        const l = links[c.id] as TLinkState;
        return {
          childId: c.id,
          tie: l.tie,
          step: l.step,
          ...(c.age >= network.childAgreementAge ? { childAgreement: l.childAgreement } : {}),
        };
      }),
    };
    try {
      if (person) await updateNetworkPerson(person.id, { ...input, version: person.version });
      else await createNetworkPerson(input);
      await queryClient.invalidateQueries({ queryKey: ['network'] });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((v) => ({ value: v, label: t(`${prefix}.${v}`) }));

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-label={person ? t('editTitle', { name: person.name }) : t('addTitle')}
    >
      <Stack gap="md">
        <ErrorAlert error={error} />
        <TextInput
          label={t('form.name')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, 'name')}
          required
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.relation')}
            data={options(NETWORK_RELATIONS, 'relation')}
            value={relation}
            onChange={(e) => setRelation(e.currentTarget.value as TNetworkRelation)}
            error={fieldError(error, 'relation')}
          />
          <TextInput
            label={t('form.relationNote')}
            value={relationNote}
            onChange={(e) => setRelationNote(e.currentTarget.value)}
            error={fieldError(error, 'relationNote')}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            type="tel"
            label={t('form.phone')}
            value={phone}
            onChange={(e) => setPhone(e.currentTarget.value)}
            error={fieldError(error, 'phone')}
          />
          <TextInput
            type="email"
            label={t('form.email')}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={fieldError(error, 'email')}
          />
        </Group>
        <NativeSelect
          label={t('form.role')}
          data={options(NETWORK_ROLES, 'role')}
          value={role}
          onChange={(e) => setRole(e.currentTarget.value as TNetworkRole)}
          error={fieldError(error, 'role')}
        />
        <Textarea
          label={t('form.canOffer')}
          value={canOffer}
          onChange={(e) => setCanOffer(e.currentTarget.value)}
          error={fieldError(error, 'canOffer')}
          autosize
          minRows={2}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('form.guardiansAgreement')}
            data={options(NETWORK_AGREEMENTS, 'agreement')}
            value={guardiansAgreement}
            onChange={(e) => setGuardiansAgreement(e.currentTarget.value as TNetworkAgreement)}
            error={fieldError(error, 'guardiansAgreement')}
          />
          <TextInput
            type="date"
            label={t('form.guardiansAgreedOn')}
            value={guardiansAgreedOn}
            onChange={(e) => setGuardiansAgreedOn(e.currentTarget.value)}
            error={fieldError(error, 'guardiansAgreedOn')}
          />
        </Group>
        <Fieldset legend={t('form.children')}>
          <Text size="sm" mb="xs">
            {t('form.childrenHint')}
          </Text>
          <Stack gap="sm">
            {children.map((c, i) => {
              const l = links[c.id] as TLinkState;
              const index = children.filter((x, j) => j < i && links[x.id]?.on).length;
              return (
                <Stack key={c.id} gap={6}>
                  {c.id === network.child.id ? null : (
                    <Checkbox
                      label={c.firstName}
                      checked={l.on}
                      onChange={(e) => setLink(c.id, { on: e.currentTarget.checked })}
                    />
                  )}
                  {l.on ? (
                    <Group grow align="flex-start">
                      <NativeSelect
                        label={t('form.tie', { name: c.firstName })}
                        data={options(NETWORK_TIES, 'tie')}
                        value={l.tie}
                        onChange={(e) => setLink(c.id, { tie: e.currentTarget.value as TNetworkTie })}
                      />
                      {c.age >= network.childAgreementAge ? (
                        <NativeSelect
                          label={t('form.childAgreement', { name: c.firstName, age: c.age })}
                          data={options(NETWORK_AGREEMENTS, 'agreement')}
                          value={l.childAgreement}
                          onChange={(e) =>
                            setLink(c.id, { childAgreement: e.currentTarget.value as TNetworkAgreement })
                          }
                          error={fieldError(error, `children.${index}.childAgreement`)}
                        />
                      ) : null}
                      <Checkbox
                        mt="xl"
                        label={t('form.step', { name: c.firstName })}
                        checked={l.step}
                        onChange={(e) => setLink(c.id, { step: e.currentTarget.checked })}
                      />
                    </Group>
                  ) : null}
                </Stack>
              );
            })}
          </Stack>
        </Fieldset>
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

import { Button, Checkbox, Group, Modal, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ZCreateRoundRequest } from '../../../shared/schemas/assessments';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { validationError } from '../../components/validation-error';
import { can, useMe } from '../auth/session';
import { unitsQuery } from '../org/queries';
import { createRound } from './queries';

interface TCreateRoundModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: (name: string) => void;
}

export function CreateRoundModal({ opened, onClose, onCreated }: TCreateRoundModalProps) {
  const { t } = useTranslation('assessments');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('createRound.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {opened ? <CreateRoundForm onClose={onClose} onCreated={onCreated} /> : null}
    </Modal>
  );
}

interface TUnitOption {
  id: string;
  name: string;
  assessing: boolean;
}

/** An admin chooses among every unit; a unit leader among the units they lead (the server holds them to it). */
function useUnitOptions(): TUnitOption[] {
  const me = useMe();
  const wholeMunicipality = can(me, 'manage:round:municipality');
  const units = useQuery({ ...unitsQuery, enabled: wholeMunicipality && can(me, 'read:org:municipality') });
  if (wholeMunicipality)
    return (units.data ?? []).map((u) => ({
      id: u.id,
      name: u.name,
      assessing: u.kind === 'daycare' || u.kind === 'school',
    }));
  const led = new Map<string, TUnitOption>();
  for (const r of me?.roles ?? [])
    if (r.role === 'unitLeader' && r.unitId)
      led.set(r.unitId, { id: r.unitId, name: r.unitName ?? r.unitId, assessing: true });
  return [...led.values()].sort((a, b) => a.name.localeCompare(b.name, 'da'));
}

function CreateRoundForm({ onClose, onCreated }: Omit<TCreateRoundModalProps, 'opened'>) {
  const { t, i18n } = useTranslation('assessments');
  const queryClient = useQueryClient();
  const options = useUnitOptions();
  const [name, setName] = useState('');
  const [opensOn, setOpensOn] = useState('');
  const [closesOn, setClosesOn] = useState('');
  const [unitIds, setUnitIds] = useState<string[]>(() =>
    options.length === 1 && options[0] ? [options[0].id] : [],
  );
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const parsed = ZCreateRoundRequest.safeParse({ name, opensOn, closesOn, unitIds }, { reportInput: true });
    if (!parsed.success) {
      setError(validationError(parsed.error.issues, i18n.language));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const round = await createRound(parsed.data);
      await queryClient.invalidateQueries({ queryKey: ['assessments', 'rounds'] });
      onCreated(round.name);
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const assessing = options.filter((o) => o.assessing).map((o) => o.id);
  return (
    <form className="assessments-ui" onSubmit={onSubmit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput
          label={t('createRound.name')}
          description={t('createRound.nameHint')}
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, 'name')}
          data-autofocus
        />
        <Group grow align="flex-start">
          <TextInput
            type="date"
            label={t('createRound.opensOn')}
            required
            value={opensOn}
            onChange={(e) => setOpensOn(e.currentTarget.value)}
            error={fieldError(error, 'opensOn')}
          />
          <TextInput
            type="date"
            label={t('createRound.closesOn')}
            required
            value={closesOn}
            onChange={(e) => setClosesOn(e.currentTarget.value)}
            error={fieldError(error, 'closesOn')}
          />
        </Group>
        <Checkbox.Group
          label={t('createRound.units')}
          description={t('createRound.unitsHint')}
          required
          value={unitIds}
          onChange={setUnitIds}
          error={fieldError(error, 'unitIds')}
        >
          {options.length > 1 ? (
            <Group gap="xs" mt="xs" mb="xs">
              {assessing.length > 0 && assessing.length < options.length ? (
                <Button size="xs" variant="light" onClick={() => setUnitIds(assessing)}>
                  {t('createRound.selectAssessing')}
                </Button>
              ) : null}
              <Button size="xs" variant="light" onClick={() => setUnitIds(options.map((o) => o.id))}>
                {t('createRound.selectAll')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setUnitIds([])}>
                {t('createRound.selectNone')}
              </Button>
            </Group>
          ) : null}
          <ScrollArea.Autosize mah={280} type="auto">
            <Stack gap={6} py={4}>
              {options.map((o) => (
                <Checkbox key={o.id} value={o.id} label={o.name} />
              ))}
            </Stack>
          </ScrollArea.Autosize>
        </Checkbox.Group>
        {options.length === 0 ? <Text size="sm">{t('createRound.noUnits')}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('createRound.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

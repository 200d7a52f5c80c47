import { Button, Group, Modal, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type TUnitKind, UNIT_KINDS } from '../../../shared/permissions';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { createUnit, districtsQuery, updateUnit } from './queries';
import type { TUnit } from './types';

interface TUnitModalProps {
  /** null: closed; 'new': create; a unit: edit it. */
  target: TUnit | 'new' | null;
  onClose: () => void;
}

export function UnitModal({ target, onClose }: TUnitModalProps) {
  const { t } = useTranslation('admin');
  const title = target === 'new' ? t('units.create') : t('units.edit');
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {target ? (
        <UnitForm
          key={target === 'new' ? 'new' : `${target.id}:${target.version}`}
          unit={target === 'new' ? null : target}
          onClose={onClose}
        />
      ) : null}
    </Modal>
  );
}

function UnitForm({ unit, onClose }: { unit: TUnit | null; onClose: () => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const queryClient = useQueryClient();
  const districts = useQuery(districtsQuery);
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<TUnitKind>(unit?.kind ?? 'school');
  const [districtId, setDistrictId] = useState(unit?.districtId ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (unit) {
        await updateUnit(unit.id, {
          version: unit.version,
          name: name.trim(),
          kind,
          districtId: districtId || null,
        });
      } else {
        await createUnit({ name: name.trim(), kind, ...(districtId ? { districtId } : {}) });
      }
      await queryClient.invalidateQueries({ queryKey: ['units'] });
      onClose();
    } catch (err) {
      setError(err);
      // Someone else saved first: refresh the list behind the dialog; the dialog keeps this user's edits.
      if (err instanceof ApiError && err.status === 409)
        void queryClient.invalidateQueries({ queryKey: ['units'] });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        <TextInput
          label={t('units.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={fieldError(error, 'name')}
          data-autofocus
        />
        <NativeSelect
          label={t('units.kind')}
          data={UNIT_KINDS.map((k) => ({ value: k, label: tc(`unitKind.${k}`) }))}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as TUnitKind)}
          error={fieldError(error, 'kind')}
        />
        <NativeSelect
          label={t('units.district')}
          data={[
            { value: '', label: t('units.noDistrict') },
            ...(districts.data ?? []).map((d) => ({ value: d.id, label: d.name })),
          ]}
          value={districtId}
          onChange={(e) => setDistrictId(e.currentTarget.value)}
          error={fieldError(error, 'districtId')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {unit ? t('save') : t('units.createSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Checkbox, NumberInput, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LEISURE_PASS_GRANT_ROLES,
  type TLeisurePassGrantRole,
  type TLeisurePassSettings,
} from '../../../shared/schemas/leisure-passes';
import { ActionForm } from '../../components/action-form';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { TitledSection } from '../../components/titled-section';
import { leisurePassSettingsQuery, updateLeisurePassSettings } from './queries';

/** For administrators: the municipality's leisure pass — amount per child per year, who grants, unused after. */
export function LeisurePassSettingsSection() {
  const { t } = useTranslation('offers');
  const settings = useQuery(leisurePassSettingsQuery);
  return (
    <TitledSection id="leisure-pass-settings" title={t('leisurePass.settingsTitle')}>
      <Text mb="sm">{t('leisurePass.settingsIntro')}</Text>
      <ErrorAlert error={settings.error} />
      {settings.data ? <SettingsForm key={settings.data.version} current={settings.data} /> : null}
    </TitledSection>
  );
}

function SettingsForm({ current }: { current: TLeisurePassSettings }) {
  const { t } = useTranslation('offers');
  const queryClient = useQueryClient();
  const [enabled, setEnabled] = useState(current.enabled);
  const [amount, setAmount] = useState<number | string>(current.amountPerYearDkk);
  const [weeks, setWeeks] = useState<number | string>(current.unusedWeeks);
  const [roles, setRoles] = useState<TLeisurePassGrantRole[]>(current.grantRoles);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  async function save() {
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      await updateLeisurePassSettings({
        version: current.version,
        enabled,
        amountPerYearDkk: Number(amount),
        grantRoles: roles,
        unusedWeeks: Number(weeks),
      });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['leisure-pass-settings'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <ActionForm onSubmit={() => void save()} error={error} pending={busy} submitLabel={t('leisurePass.save')}>
      <Checkbox
        label={t('leisurePass.enabled')}
        checked={enabled}
        onChange={(e) => setEnabled(e.currentTarget.checked)}
      />
      <NumberInput
        label={t('leisurePass.amountPerYear')}
        min={0}
        max={100_000}
        w={240}
        value={amount}
        onChange={setAmount}
        error={fieldError(error, 'amountPerYearDkk')}
      />
      <Checkbox.Group
        label={t('leisurePass.grantRoles')}
        value={roles}
        onChange={(v) => setRoles(v as TLeisurePassGrantRole[])}
        error={fieldError(error, 'grantRoles')}
      >
        {LEISURE_PASS_GRANT_ROLES.map((r) => (
          <Checkbox key={r} value={r} label={t(`leisurePass.roles.${r}`)} mt={4} />
        ))}
      </Checkbox.Group>
      <NumberInput
        label={t('leisurePass.unusedWeeks')}
        min={1}
        max={52}
        w={240}
        value={weeks}
        onChange={setWeeks}
        error={fieldError(error, 'unusedWeeks')}
      />
      {saved ? <Text role="status">{t('leisurePass.saved')}</Text> : null}
    </ActionForm>
  );
}

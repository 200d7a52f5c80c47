import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TConsent } from '../../../shared/schemas/consents';
import { ErrorAlert } from '../../components/error-alert';
import { FormDrawer } from '../../components/form-drawer';
import { formatDate } from '../../components/format';
import { can, useMe } from '../auth/session';
import { ConfirmModal } from '../factors/confirm-modal';
import { ConsentForm } from './consent-form';
import { ConsentStatus } from './consent-status';
import { childConsentsQuery, withdrawConsent } from './queries';

/** The child's written consents on its profile, with recording and withdrawal. */
export function ChildConsentsSection({ childId }: { childId: string }) {
  const { t } = useTranslation('consents');
  const me = useMe();
  const consents = useQuery(childConsentsQuery(childId));
  const data = consents.data;
  return (
    <section aria-labelledby="consents-title">
      <Title order={2} size="h3" mb="sm" id="consents-title">
        {t('title')}
      </Title>
      {consents.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={consents.error} />
      {data ? (
        <Stack gap="sm">
          {data.consents.length === 0 ? <Text>{t('none')}</Text> : null}
          {data.consents.map((c) => (
            <ConsentCard key={c.id} consent={c} canWithdraw={can(me, 'write:consent:unit')} />
          ))}
          {can(me, 'write:consent:unit') ? (
            <FormDrawer title={t('form.title')} openLabel={t('add')} size="xl">
              {(close) => <ConsentForm data={data} onDone={close} />}
            </FormDrawer>
          ) : null}
        </Stack>
      ) : null}
    </section>
  );
}

function ConsentCard({ consent: c, canWithdraw }: { consent: TConsent; canWithdraw: boolean }) {
  const { t, i18n } = useTranslation('consents');
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const recipients = [
    ...c.recipientUnits.map((u) => u.name),
    ...c.recipientProfessions.map((p) => t(`profession.${p}`)),
    ...c.recipientProviders.map((p) => p.name),
  ].join(', ');
  const givers = [...c.guardians.map((g) => g.name), ...(c.youngPerson ? [t('youngPerson')] : [])].join(', ');
  async function withdraw() {
    setBusy(true);
    setError(null);
    try {
      await withdrawConsent(c.id, c.version);
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: ['consents', c.childId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <ConsentStatus status={c.status} />
            <Text fw={700}>
              {formatDate(c.validFrom, i18n.language)}–{formatDate(c.validTo, i18n.language)}
            </Text>
          </Group>
          <Text>{c.purpose}</Text>
          <Text size="sm">
            {t('givenBy')}: {givers}
          </Text>
          <Text size="sm">
            {t('kinds')}: {c.infoKinds.map((k) => t(`kind.${k}`)).join(', ')}
          </Text>
          <Text size="sm">
            {t('recipients')}: {recipients}
          </Text>
        </Stack>
        {canWithdraw && (c.status === 'valid' || c.status === 'pending') ? (
          <Button variant="default" size="xs" onClick={() => setConfirming(true)}>
            {t('withdraw')}
          </Button>
        ) : null}
      </Group>
      {/* Withdrawal cannot be undone: it ends access through every meeting that used the consent. */}
      <ConfirmModal
        opened={confirming}
        title={t('withdrawConfirm.title')}
        confirmLabel={t('withdrawConfirm.confirm')}
        destructive
        busy={busy}
        error={error}
        onConfirm={withdraw}
        onClose={() => {
          setConfirming(false);
          setError(null);
        }}
      >
        <Text>{t('withdrawConfirm.body', { purpose: c.purpose })}</Text>
      </ConfirmModal>
    </Paper>
  );
}

import {
  Badge,
  Button,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TLeisurePass } from '../../../shared/schemas/leisure-passes';
import { ActionForm } from '../../components/action-form';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { can, useMe } from '../auth/session';
import { offersQuery } from '../offers/queries';
import { childLeisurePassesQuery, grantLeisurePass, updateLeisurePass } from './queries';

/**
 * On the child's profile, beside its referrals: the leisure pass — this year's amount, used and left, the passes
 * granted with their status (an unused one says so), and granting one for an offer the pass pays.
 */
export function ChildLeisurePassSection({ childId }: { childId: string }) {
  const { t } = useTranslation('offers');
  const passes = useQuery(childLeisurePassesQuery(childId));
  const [granting, setGranting] = useState(false);
  if (passes.isPending) return <Loader aria-label={t('loading')} />;
  if (!passes.data) return <ErrorAlert error={passes.error} />;
  const p = passes.data;
  if (!p.enabled && p.items.length === 0) return null;
  return (
    <section aria-labelledby="leisure-pass-title">
      <Stack gap="xs">
        <Title order={3} size="h4" id="leisure-pass-title">
          {t('leisurePass.title')}
        </Title>
        <Text>
          {t('leisurePass.budget', {
            year: p.year,
            amount: p.amountPerYearDkk,
            used: p.usedDkk,
            left: p.leftDkk,
          })}
        </Text>
        {p.items.length === 0 ? <Text>{t('leisurePass.none')}</Text> : null}
        {p.items.map((pass) => (
          <PassCard key={pass.id} pass={pass} unusedWeeks={p.unusedWeeks} />
        ))}
        {p.canGrant && p.leftDkk > 0 ? (
          granting ? (
            <Paper withBorder p="md">
              <GrantForm childId={childId} left={p.leftDkk} onDone={() => setGranting(false)} />
            </Paper>
          ) : (
            <Group>
              <Button variant="light" onClick={() => setGranting(true)}>
                {t('leisurePass.grant')}
              </Button>
            </Group>
          )
        ) : null}
      </Stack>
    </section>
  );
}

function PassCard({ pass, unusedWeeks }: { pass: TLeisurePass; unusedWeeks: number }) {
  const { t, i18n } = useTranslation('offers');
  const me = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function settle(status: 'redeemed' | 'cancelled') {
    setBusy(true);
    setError(null);
    try {
      await updateLeisurePass(pass.id, { version: pass.version, status });
      await queryClient.invalidateQueries({ queryKey: ['leisure-passes', 'child', pass.childId] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  const canSettle =
    pass.status === 'granted' && (can(me, 'write:referral:unit') || can(me, 'write:referral:team'));
  return (
    <Paper withBorder p="sm">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={700}>
            {pass.offer.name} · {t('leisurePass.amount', { amount: pass.amountDkk })}
          </Text>
          <Text size="sm">
            {pass.offer.providerName} · {t('leisurePass.grantedOn')}:{' '}
            {formatDate(pass.grantedOn, i18n.language)} · {pass.grantedBy.name}
          </Text>
          {pass.unused ? (
            <Text size="sm" c="red.8">
              {t('leisurePass.unused', { weeks: unusedWeeks })}
            </Text>
          ) : null}
        </div>
        <Badge variant="light" color={pass.status === 'granted' ? 'blue' : 'gray'}>
          {t(`leisurePass.status.${pass.status}`)}
        </Badge>
      </Group>
      {canSettle ? (
        <Group gap="xs" mt={4}>
          <Button size="xs" variant="default" loading={busy} onClick={() => void settle('redeemed')}>
            {t('leisurePass.redeem')}
          </Button>
          <Button size="xs" variant="default" loading={busy} onClick={() => void settle('cancelled')}>
            {t('leisurePass.cancel')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={error} />
    </Paper>
  );
}

function GrantForm({ childId, left, onDone }: { childId: string; left: number; onDone: () => void }) {
  const { t } = useTranslation('offers');
  const queryClient = useQueryClient();
  const offers = useQuery(offersQuery({ status: 'active', pageSize: 100 }));
  const payable = (offers.data?.items ?? []).filter((o) => o.leisurePass);
  const [offerId, setOfferId] = useState('');
  const [amount, setAmount] = useState<number | string>(Math.min(left, 500));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await grantLeisurePass({ childId, offerId, amountDkk: Number(amount) });
      await queryClient.invalidateQueries({ queryKey: ['leisure-passes', 'child', childId] });
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <ActionForm
      onSubmit={() => void submit()}
      error={error}
      pending={busy}
      submitLabel={t('leisurePass.submit')}
    >
      <NativeSelect
        label={t('leisurePass.offer')}
        description={t('leisurePass.offerHint')}
        data={[
          { value: '', label: t('form.choose') },
          ...payable.map((o) => ({
            value: o.id,
            label: `${o.name} – ${o.provider.name} (${o.costDkk} kr.)`,
          })),
        ]}
        value={offerId}
        onChange={(e) => setOfferId(e.currentTarget.value)}
        error={fieldError(error, 'offerId')}
        required
      />
      <NumberInput
        label={t('leisurePass.amountLabel')}
        description={t('leisurePass.amountHint', { left })}
        min={1}
        max={left}
        clampBehavior="none"
        value={amount}
        onChange={setAmount}
        error={fieldError(error, 'amountDkk')}
        required
      />
      <Button variant="default" onClick={onDone} w="fit-content">
        {t('referForm.cancel')}
      </Button>
    </ActionForm>
  );
}

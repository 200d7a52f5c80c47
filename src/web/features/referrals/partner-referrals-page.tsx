import {
  Button,
  Checkbox,
  Group,
  Loader,
  NativeSelect,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPartnerReferral } from '../../../shared/schemas/referral-views';
import { DECLINE_REASONS, type TAnswerReferralRequest } from '../../../shared/schemas/referrals';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { answerReferral, confirmAttendance, partnerReferralsQuery } from './queries';

type TAction = 'waitingList' | 'declined' | 'ended';
type TStatus = TAnswerReferralRequest['status'];
/** An answer without its version (added when sent): one member per status. */
type TAnswer = { [K in TStatus]: Omit<Extract<TAnswerReferralRequest, { status: K }>, 'version'> }[TStatus];

const thisMonth = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' }).slice(0, 7);

/** A provider's partner users: the referrals to their offers, answered here, and attendance month by month. */
export function PartnerReferralsPage() {
  const { t } = useTranslation('offers');
  usePageTitle(t('partner.pageTitle'));
  const referrals = useQuery(partnerReferralsQuery);
  return (
    <Stack gap="lg">
      <Title order={1}>{t('partner.pageTitle')}</Title>
      <Text>{t('partner.intro')}</Text>
      {referrals.isPending ? <Loader aria-label={t('loading')} /> : null}
      <ErrorAlert error={referrals.error} />
      {referrals.data?.items.length === 0 ? <Text>{t('partner.none')}</Text> : null}
      {referrals.data && referrals.data.items.length > 0 ? (
        <>
          <ReferralTable items={referrals.data.items} />
          <AttendanceSection
            items={referrals.data.items.filter((r) => r.status === 'started' || r.status === 'attending')}
          />
        </>
      ) : null}
    </Stack>
  );
}

function ReferralTable({ items }: { items: TPartnerReferral[] }) {
  const { t, i18n } = useTranslation('offers');
  const [acting, setActing] = useState<{ referral: TPartnerReferral; action: TAction } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const queryClient = useQueryClient();
  async function send(r: TPartnerReferral, body: TAnswer) {
    setError(null);
    try {
      await answerReferral(r.id, { ...body, version: r.version });
      setActing(null);
      await queryClient.invalidateQueries({ queryKey: partnerReferralsQuery.queryKey });
    } catch (e) {
      setError(e);
    }
  }
  return (
    <Stack gap="sm">
      <ErrorAlert error={acting ? null : error} />
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label={t('partner.pageTitle')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('partner.child')}</Table.Th>
              <Table.Th scope="col">{t('partner.offer')}</Table.Th>
              <Table.Th scope="col">{t('partner.status')}</Table.Th>
              <Table.Th scope="col">{t('partner.referredAt')}</Table.Th>
              <Table.Th scope="col">{t('partner.contacts')}</Table.Th>
              <Table.Th scope="col">{t('partner.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((r) => {
              const name = `${r.child.firstName} ${r.child.lastName}`;
              const button = (label: string, onClick: () => void) => (
                <Button size="xs" variant="light" onClick={onClick} aria-label={`${label}: ${name}`}>
                  {label}
                </Button>
              );
              return (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text fw={700}>{name}</Text>
                    <Text size="sm">{t('partner.age', { age: r.child.age })}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text>{r.offer.name}</Text>
                    {r.purpose ? <Text size="sm">{r.purpose}</Text> : null}
                  </Table.Td>
                  <Table.Td>
                    {t(`referralStatus.${r.status}`)}
                    {r.status === 'waitingList' && r.waitingPosition ? ` (${r.waitingPosition})` : ''}
                  </Table.Td>
                  <Table.Td>{formatDate(r.referredAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    {r.contacts === null
                      ? t('partner.noContacts')
                      : r.contacts
                          .map((c) => [c.name, c.phone, c.email].filter(Boolean).join(', '))
                          .join('; ')}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {['sent', 'waitingList'].includes(r.status)
                        ? button(t('partner.accept'), () => void send(r, { status: 'accepted' }))
                        : null}
                      {['sent', 'waitingList'].includes(r.status)
                        ? button(t('partner.waitingList'), () =>
                            setActing({ referral: r, action: 'waitingList' }),
                          )
                        : null}
                      {['accepted', 'waitingList'].includes(r.status)
                        ? button(t('partner.start'), () => void send(r, { status: 'started' }))
                        : null}
                      {['sent', 'waitingList', 'accepted'].includes(r.status)
                        ? button(t('partner.decline'), () => setActing({ referral: r, action: 'declined' }))
                        : null}
                      {['started', 'attending'].includes(r.status)
                        ? button(t('partner.end'), () => setActing({ referral: r, action: 'ended' }))
                        : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {acting ? (
        <AnswerForm
          key={`${acting.referral.id}:${acting.action}`}
          referral={acting.referral}
          action={acting.action}
          error={error}
          onSend={(body) => send(acting.referral, body)}
          onCancel={() => {
            setActing(null);
            setError(null);
          }}
        />
      ) : null}
    </Stack>
  );
}

function AnswerForm({
  referral: r,
  action,
  error,
  onSend,
  onCancel,
}: {
  referral: TPartnerReferral;
  action: TAction;
  error: unknown;
  onSend: (body: TAnswer) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation('offers');
  const [position, setPosition] = useState<number>(r.waitingPosition ?? 1);
  const [reason, setReason] = useState<string>(action === 'declined' ? 'noCapacity' : 'completed');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const title = `${t(action === 'waitingList' ? 'partner.waitingList' : action === 'declined' ? 'partner.decline' : 'partner.end')}: ${r.child.firstName} ${r.child.lastName}`;
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const trimmed = note.trim() ? { note: note.trim() } : {};
    if (action === 'waitingList') await onSend({ status: 'waitingList', position });
    else if (action === 'declined')
      await onSend({ status: 'declined', reason: reason as (typeof DECLINE_REASONS)[number], ...trimmed });
    else
      await onSend({ status: 'ended', reason: reason as 'completed' | 'droppedOut' | 'moved', ...trimmed });
    setBusy(false);
  }
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label={title}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {title}
          </Title>
          <ErrorAlert error={error} />
          {action === 'waitingList' ? (
            <NumberInput
              label={t('partner.position')}
              min={1}
              value={position}
              onChange={(v) => setPosition(typeof v === 'number' ? v : 1)}
              error={fieldError(error, 'position')}
              required
            />
          ) : (
            <>
              <NativeSelect
                label={action === 'declined' ? t('partner.reason') : t('partner.endReason')}
                data={
                  action === 'declined'
                    ? DECLINE_REASONS.map((d) => ({ value: d, label: t(`declineReason.${d}`) }))
                    : (['completed', 'droppedOut', 'moved'] as const).map((d) => ({
                        value: d,
                        label: t(`endReason.${d}`),
                      }))
                }
                value={reason}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
              <TextInput
                label={t('partner.note')}
                value={note}
                onChange={(e) => setNote(e.currentTarget.value)}
                error={fieldError(error, 'note')}
              />
            </>
          )}
          <Group>
            <Button type="submit" loading={busy}>
              {t('partner.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('partner.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function AttendanceSection({ items }: { items: TPartnerReferral[] }) {
  const { t } = useTranslation('offers');
  const queryClient = useQueryClient();
  const [month, setMonth] = useState(thisMonth());
  const [chosen, setChosen] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const result = await confirmAttendance({ period: month, referralIds: chosen });
      setDone(result.confirmed + result.alreadyConfirmed);
      setChosen([]);
      await queryClient.invalidateQueries({ queryKey: partnerReferralsQuery.queryKey });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="attendance-title">
      <Title order={2} size="h3" mb="xs" id="attendance-title">
        {t('partner.attendanceTitle')}
      </Title>
      <Text mb="sm">{t('partner.attendanceIntro')}</Text>
      {items.length === 0 ? (
        <Text>{t('partner.noneStarted')}</Text>
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="attendance-title">
          <Stack gap="sm">
            <ErrorAlert error={error} />
            <div aria-live="polite">
              {done !== null ? <Text>{t('partner.attendanceDone', { count: done })}</Text> : null}
            </div>
            <TextInput
              type="month"
              label={t('partner.month')}
              value={month}
              onChange={(e) => setMonth(e.currentTarget.value)}
              error={fieldError(error, 'period')}
              w={220}
            />
            <Checkbox
              label={t('partner.selectAll')}
              checked={chosen.length === items.length}
              indeterminate={chosen.length > 0 && chosen.length < items.length}
              onChange={(e) => setChosen(e.currentTarget.checked ? items.map((r) => r.id) : [])}
            />
            {items.map((r) => (
              <Checkbox
                key={r.id}
                label={`${t('partner.select', { name: `${r.child.firstName} ${r.child.lastName}` })} – ${r.offer.name}`}
                checked={chosen.includes(r.id)}
                error={
                  chosen.includes(r.id) ? fieldError(error, `referralIds.${chosen.indexOf(r.id)}`) : undefined
                }
                onChange={(e) =>
                  setChosen((old) =>
                    e.currentTarget.checked ? [...old, r.id] : old.filter((id) => id !== r.id),
                  )
                }
              />
            ))}
            <Group>
              <Button type="submit" loading={busy} disabled={chosen.length === 0}>
                {t('partner.confirmAttendance', { month, count: chosen.length })}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}

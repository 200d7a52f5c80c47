import {
  Alert,
  Button,
  Group,
  NativeSelect,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkAnonymous } from '../../../domain/sharing/anonymous-text';
import type { TAddItemRequest } from '../../../shared/schemas/meetings';
import { api, type TPage } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import { useMe } from '../auth/session';
import type { TChildListItem } from '../children/types';
import { childConsentsQuery } from '../consents/queries';
import { consentLeavesOutLeader } from './consent-covers-leader';
import { addItem, concernCandidatesQuery } from './queries';

type TKind = 'named' | 'anonymous';

/**
 * The organiser adds an agenda item: a named child on a consent or the legal basis (the form shows which),
 * or an anonymous consultation whose text is checked live for a CPR number or a name.
 */
export function AddItemForm({ meetingId, onDone }: { meetingId: string; onDone?: () => void }) {
  const { t, i18n } = useTranslation('meetings');
  const queryClient = useQueryClient();
  const candidates = useQuery(concernCandidatesQuery);
  const [kind, setKind] = useState<TKind>('named');
  const [concernId, setConcernId] = useState('');
  const [search, setSearch] = useState('');
  const [found, setFound] = useState<TChildListItem[] | null>(null);
  const [child, setChild] = useState<{ id: string; name: string } | null>(null);
  const [basis, setBasis] = useState<'consent' | 'legalBasis'>('consent');
  const [consentId, setConsentId] = useState('');
  const [followUpReason, setFollowUpReason] = useState('');
  const [topic, setTopic] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const consents = useQuery({
    ...childConsentsQuery(child?.id ?? ''),
    enabled: kind === 'named' && Boolean(child),
  });
  const usable = (consents.data?.consents ?? []).filter(
    (c) => c.status === 'valid' || c.status === 'pending',
  );
  const me = useMe();
  const chosenConsent = usable.find((c) => c.id === consentId);
  const leavesOutLeader = chosenConsent && me ? consentLeavesOutLeader(chosenConsent, me) : false;
  const live = kind === 'anonymous' ? checkAnonymous(topic) : { cpr: false, nameLike: [] };

  function chooseConcern(id: string) {
    setConcernId(id);
    const c = candidates.data?.find((x) => x.id === id);
    if (!c) return;
    setKind(c.child ? 'named' : 'anonymous');
    setChild(c.child);
    setConsentId('');
  }

  async function findChildren() {
    setFound(null);
    const page = await api.get<TPage<TChildListItem>>('/api/v1/children', { q: search, pageSize: 10 });
    setFound(page.items);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setWarnings([]);
    const input = (
      kind === 'named'
        ? {
            kind,
            childId: child?.id ?? '',
            basis,
            ...(basis === 'consent' && consentId ? { consentId } : {}),
            ...(basis === 'legalBasis' && followUpReason.trim() ? { followUpReason } : {}),
            ...(concernId ? { concernId } : {}),
            topic,
          }
        : { kind, ...(concernId ? { concernId } : {}), topic }
    ) as TAddItemRequest;
    try {
      const result = await addItem(meetingId, input);
      setWarnings(result.warnings.nameLike);
      setTopic('');
      setConcernId('');
      setChild(null);
      setFound(null);
      setConsentId('');
      setFollowUpReason('');
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      // A text that looks like a name stays open with its warning, so it can be corrected.
      if (result.warnings.nameLike.length === 0) onDone?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t('addItem.title')}>
      <Stack gap="sm">
        <ErrorAlert error={error} />
        {warnings.length > 0 ? (
          <Alert color="yellow.9" variant="outline" title={t('addItem.savedWithNames')}>
            {warnings.join(', ')}
          </Alert>
        ) : null}
        {candidates.data && candidates.data.length > 0 ? (
          <NativeSelect
            label={t('addItem.concern')}
            description={t('addItem.concernHint')}
            value={concernId}
            onChange={(e) => chooseConcern(e.currentTarget.value)}
            data={[
              { value: '', label: t('addItem.noConcern') },
              ...candidates.data.map((c) => ({
                value: c.id,
                label: `${formatDate(c.createdAt, i18n.language)} – ${c.child?.name ?? t('item.anonymous')} – ${c.actionText}`,
              })),
            ]}
          />
        ) : null}
        <Radio.Group label={t('addItem.kind')} value={kind} onChange={(v) => setKind(v as TKind)} required>
          <Group mt="xs">
            <Radio value="named" label={t('addItem.named')} />
            <Radio value="anonymous" label={t('addItem.anonymous')} />
          </Group>
        </Radio.Group>
        {kind === 'named' ? (
          <Paper withBorder p="sm">
            <Stack gap="sm">
              {child ? (
                <Group>
                  <Text>
                    {t('addItem.child')}: <strong>{child.name}</strong>
                  </Text>
                  <Button variant="subtle" size="xs" onClick={() => setChild(null)}>
                    {t('addItem.otherChild')}
                  </Button>
                </Group>
              ) : (
                <>
                  <Group align="flex-end">
                    <TextInput
                      label={t('addItem.search')}
                      value={search}
                      onChange={(e) => setSearch(e.currentTarget.value)}
                      error={fieldError(error, 'childId')}
                    />
                    <Button variant="default" onClick={() => void findChildren()}>
                      {t('addItem.find')}
                    </Button>
                  </Group>
                  {found ? (
                    found.length === 0 ? (
                      <Text>{t('addItem.noChildren')}</Text>
                    ) : (
                      <NativeSelect
                        label={t('addItem.pickChild')}
                        value=""
                        onChange={(e) => {
                          const c = found.find((x) => x.id === e.currentTarget.value);
                          if (c) setChild({ id: c.id, name: `${c.firstName} ${c.lastName}` });
                        }}
                        data={[
                          { value: '', label: t('addItem.pickChildHint') },
                          ...found.map((c) => ({
                            value: c.id,
                            label: `${c.firstName} ${c.lastName} (${formatDate(c.birthDate, i18n.language)})`,
                          })),
                        ]}
                      />
                    )
                  ) : null}
                </>
              )}
              <Radio.Group
                label={t('addItem.basis')}
                description={t('addItem.basisHint')}
                value={basis}
                onChange={(v) => setBasis(v as 'consent' | 'legalBasis')}
                required
              >
                <Stack mt="xs" gap={6}>
                  <Radio value="consent" label={t('basis.consent')} />
                  <Radio value="legalBasis" label={t('basis.legalBasis')} />
                </Stack>
              </Radio.Group>
              {basis === 'consent' && child ? (
                usable.length > 0 ? (
                  <NativeSelect
                    label={t('addItem.consent')}
                    value={consentId}
                    onChange={(e) => setConsentId(e.currentTarget.value)}
                    error={fieldError(error, 'consentId')}
                    data={[
                      { value: '', label: t('addItem.chooseConsent') },
                      ...usable.map((c) => ({
                        value: c.id,
                        label: `${c.purpose} (${formatDate(c.validFrom, i18n.language)}–${formatDate(c.validTo, i18n.language)})`,
                      })),
                    ]}
                    required
                    description={leavesOutLeader ? t('addItem.consentLeavesOutLeader') : undefined}
                  />
                ) : (
                  <Text>
                    {t('addItem.noConsent')}{' '}
                    <AnchorLink to="/boern/$childId" params={{ childId: child.id }}>
                      {t('addItem.recordConsent')}
                    </AnchorLink>
                  </Text>
                )
              ) : null}
              {basis === 'consent' && !child ? <ErrorText text={fieldError(error, 'consentId')} /> : null}
              {basis === 'legalBasis' ? (
                <Textarea
                  label={t('addItem.followUpReason')}
                  description={t('addItem.followUpReasonHint')}
                  value={followUpReason}
                  onChange={(e) => setFollowUpReason(e.currentTarget.value)}
                  error={fieldError(error, 'followUpReason')}
                  autosize
                  minRows={2}
                />
              ) : null}
            </Stack>
          </Paper>
        ) : null}
        <Textarea
          label={kind === 'anonymous' ? t('addItem.anonymousTopic') : t('addItem.topic')}
          description={kind === 'anonymous' ? t('addItem.anonymousHint') : undefined}
          value={topic}
          onChange={(e) => setTopic(e.currentTarget.value)}
          error={fieldError(error, 'topic')}
          required
          autosize
          minRows={2}
        />
        <div aria-live="polite">
          {live.cpr ? (
            <Alert color="red.9" variant="outline" title={t('addItem.cprWarning')}>
              {t('addItem.cprWarningBody')}
            </Alert>
          ) : live.nameLike.length > 0 ? (
            <Alert color="yellow.9" variant="outline" title={t('addItem.nameWarning')}>
              {live.nameLike.join(', ')}
            </Alert>
          ) : null}
        </div>
        <Group>
          <Button type="submit" loading={busy} disabled={live.cpr}>
            {t('addItem.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function ErrorText({ text }: { text: string | undefined }) {
  return text ? (
    <Text c="red.9" size="sm">
      {text}
    </Text>
  ) : null;
}

import { Button, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { usePageTitle } from '../../components/page-title';
import { can, useMe } from '../auth/session';
import { ConfirmModal } from './confirm-modal';
import { FactorModal } from './factor-modal';
import { FactorsTables } from './factors-table';
import { factorLabel, formatDay } from './labels';
import {
  adoptCatalogue,
  catalogueQuery,
  catalogueVersionsQuery,
  createDraft,
  policyThemesQuery,
  publishCatalogue,
  refreshCatalogues,
  removeFactor,
} from './queries';
import type { TCatalogueVersion, TFactor } from './types';
import { VersionSummary } from './version-summary';

interface TCataloguePageProps {
  /** The version chosen in the address; none: the current published one. */
  versionId: string | undefined;
  onVersionChange: (versionId: string | undefined) => void;
}

/** A confirmed action's progress and the server's refusal, shown in its dialog. */
function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return { busy, setBusy, error, setError };
}

export function CataloguePage({ versionId, onVersionChange }: TCataloguePageProps) {
  const { t, i18n } = useTranslation('factors');
  usePageTitle(t('title'));
  const me = useMe();
  const canManage = can(me, 'manage:catalogue:municipality');
  const queryClient = useQueryClient();

  const versions = useQuery(catalogueVersionsQuery);
  const themes = useQuery(policyThemesQuery);
  // Newest first: the first published one is the current version.
  const current = versions.data?.find((v) => v.status === 'published');
  const draft = versions.data?.find((v) => v.status === 'draft');
  const selectedId = versionId ?? current?.id ?? versions.data?.[0]?.id;
  const catalogue = useQuery({ ...catalogueQuery(selectedId ?? ''), enabled: Boolean(selectedId) });
  const shown = catalogue.data && catalogue.data.id === selectedId ? catalogue.data : undefined;
  const editable = canManage && shown?.status === 'draft';

  const [message, setMessage] = useState('');
  const [draftError, setDraftError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [target, setTarget] = useState<TFactor | 'new' | null>(null);
  const [removing, setRemoving] = useState<TFactor | null>(null);
  const [publishing, setPublishing] = useState(false);
  const removal = useAction();
  const publication = useAction();
  const addButton = useRef<HTMLButtonElement>(null);
  const versionSelect = useRef<HTMLSelectElement>(null);

  // A message about one version does not belong to the next one chosen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the chosen version changes
  useEffect(() => setDraftError(null), [selectedId]);

  async function onCreateDraft() {
    setCreating(true);
    setDraftError(null);
    setMessage('');
    try {
      const created = await createDraft();
      await adoptCatalogue(queryClient, created);
      onVersionChange(created.id);
      setMessage(t('draft.created', { version: created.version }));
    } catch (err) {
      setDraftError(err);
      // DRAFT_EXISTS: the list learns about the draft, so it can be offered.
      if (err instanceof ApiError && err.status === 409) await refreshCatalogues(queryClient);
    } finally {
      setCreating(false);
    }
  }

  function openDraft(id: string) {
    setDraftError(null);
    onVersionChange(id);
    versionSelect.current?.focus();
  }

  function closeRemove() {
    setRemoving(null);
    removal.setError(null);
  }

  async function onRemove() {
    if (!shown || !removing) return;
    removal.setBusy(true);
    removal.setError(null);
    try {
      await adoptCatalogue(queryClient, await removeFactor(shown.id, removing.id));
      setMessage(t('factor.removed', { code: removing.code }));
      closeRemove();
      // The row and its button are gone; the keyboard continues from "Add factor".
      setTimeout(() => addButton.current?.focus(), 50);
    } catch (err) {
      removal.setError(err);
      if (err instanceof ApiError && err.status === 409) void refreshCatalogues(queryClient);
    } finally {
      removal.setBusy(false);
    }
  }

  function closePublish() {
    setPublishing(false);
    publication.setError(null);
  }

  async function onPublish() {
    if (!shown) return;
    publication.setBusy(true);
    publication.setError(null);
    try {
      const published = await publishCatalogue(shown.id);
      await adoptCatalogue(queryClient, published);
      closePublish();
      // The newest published version is the default: the address no longer names one.
      onVersionChange(undefined);
      setMessage(t('publish.done', { version: published.version }));
      setTimeout(() => versionSelect.current?.focus(), 50);
    } catch (err) {
      publication.setError(err);
      if (err instanceof ApiError && err.status === 409) void refreshCatalogues(queryClient);
    } finally {
      publication.setBusy(false);
    }
  }

  const optionLabel = (v: TCatalogueVersion) => {
    const factors = t('versions.factors', { count: v.factorCount });
    if (v.status === 'draft') return t('versions.draftOption', { version: v.version, factors });
    const date = formatDay(v.publishedAt, i18n.language);
    return t('versions.publishedOption', {
      version: v.version,
      date: v.id === current?.id ? `${date}${t('versions.currentSuffix')}` : date,
      factors,
    });
  };

  const offerDraft =
    draftError instanceof ApiError && draftError.code === 'DRAFT_EXISTS' && draft ? draft : undefined;

  return (
    <>
      <Group justify="space-between" mb="md">
        <Title order={1}>{t('title')}</Title>
        {canManage ? (
          <Button onClick={onCreateDraft} loading={creating}>
            {t('draft.create')}
          </Button>
        ) : null}
      </Group>
      <Text mb="md" maw="48rem">
        {t('intro')}
      </Text>
      <ErrorAlert error={draftError} />
      {offerDraft ? (
        <Group mb="md">
          <Button variant="light" onClick={() => openDraft(offerDraft.id)}>
            {t('draft.openNamed', { version: offerDraft.version })}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={versions.error ?? catalogue.error ?? themes.error} />
      <Text role="status" mb="sm">
        {message}
      </Text>

      {versions.data && versions.data.length === 0 ? <Text>{t('versions.none')}</Text> : null}
      {versions.data && versions.data.length > 0 ? (
        <NativeSelect
          ref={versionSelect}
          label={t('versions.label')}
          description={t('versions.hint')}
          data={versions.data.map((v) => ({ value: v.id, label: optionLabel(v) }))}
          value={selectedId ?? ''}
          onChange={(e) => {
            setMessage('');
            onVersionChange(e.currentTarget.value);
          }}
          maw="32rem"
          mb="md"
        />
      ) : null}

      {shown ? (
        <Stack gap="lg">
          <VersionSummary catalogue={shown} isCurrent={shown.id === current?.id} canManage={canManage} />
          {editable ? (
            <Group>
              <Button ref={addButton} onClick={() => setTarget('new')}>
                {t('factor.add')}
              </Button>
              <Button variant="default" onClick={() => setPublishing(true)}>
                {t('publish.action')}
              </Button>
            </Group>
          ) : null}
          <FactorsTables
            factors={shown.factors}
            themes={themes.data ?? []}
            onEdit={editable ? setTarget : undefined}
            onRemove={editable ? setRemoving : undefined}
          />
          {/* The dialogs stay open when the server refuses (say, published meanwhile), to show why. */}
          <FactorModal
            catalogue={shown}
            target={target}
            themes={themes.data ?? []}
            onClose={() => setTarget(null)}
            onSaved={setMessage}
          />
          <ConfirmModal
            opened={removing !== null}
            title={t('remove.title', { code: removing?.code ?? '' })}
            confirmLabel={t('remove.confirm')}
            destructive
            busy={removal.busy}
            error={removal.error}
            onConfirm={onRemove}
            onClose={closeRemove}
          >
            <Text>
              {t('remove.body', {
                label: removing ? factorLabel(removing, i18n.language) : '',
                version: shown.version,
              })}
            </Text>
          </ConfirmModal>
          <ConfirmModal
            opened={publishing}
            title={t('publish.title', { version: shown.version })}
            confirmLabel={t('publish.confirm', { version: shown.version })}
            busy={publication.busy}
            error={publication.error}
            onConfirm={onPublish}
            onClose={closePublish}
          >
            <Text>{t('publish.body')}</Text>
            <Text>{t('publish.count', { count: shown.factors.length })}</Text>
          </ConfirmModal>
        </Stack>
      ) : null}
    </>
  );
}

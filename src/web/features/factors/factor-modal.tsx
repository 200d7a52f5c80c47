import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Modal,
  NativeSelect,
  NumberInput,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ZCreateFactorRequest, ZUpdateFactorRequest } from '../../../shared/schemas/factors';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { validationError } from '../../components/validation-error';
import { FACTOR_DOMAINS, FACTOR_KINDS, themeName } from './labels';
import { addFactor, adoptCatalogue, refreshCatalogues, updateFactor } from './queries';
import type { TCatalogue, TFactor, TFactorDomain, TFactorKind, TPolicyTheme } from './types';

/** Editing has no code (it never changes) but must keep the age band in order, as creating does. */
const ZUpdateFactorForm = ZUpdateFactorRequest.refine(
  (f) => f.ageFrom === undefined || f.ageTo === undefined || f.ageTo >= f.ageFrom,
  { path: ['ageTo'], params: { key: 'field.ageRange' } },
);

interface TFactorModalProps {
  catalogue: Pick<TCatalogue, 'id' | 'version'>;
  /** null: closed; 'new': add a factor; a factor: edit it. */
  target: TFactor | 'new' | null;
  themes: TPolicyTheme[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

export function FactorModal({ catalogue, target, themes, onClose, onSaved }: TFactorModalProps) {
  const { t } = useTranslation('factors');
  const title =
    target === 'new' || target === null
      ? t('factor.addTitle', { version: catalogue.version })
      : t('factor.editTitle', { code: target.code, version: catalogue.version });
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={title}
      size="lg"
      closeButtonProps={{ 'aria-label': t('close') }}
    >
      {target ? (
        <FactorForm
          key={target === 'new' ? 'new' : target.id}
          catalogueId={catalogue.id}
          factor={target === 'new' ? null : target}
          themes={themes}
          onClose={onClose}
          onSaved={onSaved}
        />
      ) : null}
    </Modal>
  );
}

interface TFactorFormProps {
  catalogueId: string;
  factor: TFactor | null;
  themes: TPolicyTheme[];
  onClose: () => void;
  onSaved: (message: string) => void;
}

type TParsed<T> = { success: true; data: T } | { success: false; error: { issues: z.core.$ZodIssue[] } };

/** Either the problems the schema found, or the request to send with what it parsed. */
function sendParsed<T>(
  parsed: TParsed<T>,
  request: (body: T) => Promise<TCatalogue>,
): { issues: z.core.$ZodIssue[] } | { request: () => Promise<TCatalogue> } {
  if (!parsed.success) return { issues: parsed.error.issues };
  const body = parsed.data;
  return { request: () => request(body) };
}

/** An empty number field sends nothing, so the server's default applies. */
const toAge = (value: string | number) => (value === '' ? undefined : Number(value));

function FactorForm({ catalogueId, factor, themes, onClose, onSaved }: TFactorFormProps) {
  const { t, i18n } = useTranslation('factors');
  const queryClient = useQueryClient();
  const form = useRef<HTMLFormElement>(null);
  const [code, setCode] = useState(factor?.code ?? '');
  const [kind, setKind] = useState<TFactorKind>(factor?.kind ?? 'protective');
  const [domain, setDomain] = useState<TFactorDomain>(factor?.domain ?? 'development');
  const [ageFrom, setAgeFrom] = useState<string | number>(factor?.ageFrom ?? 0);
  const [ageTo, setAgeTo] = useState<string | number>(factor?.ageTo ?? 17);
  const [labelDa, setLabelDa] = useState(factor?.labelDa ?? '');
  const [labelEn, setLabelEn] = useState(factor?.labelEn ?? '');
  const [descriptionDa, setDescriptionDa] = useState(factor?.descriptionDa ?? '');
  const [descriptionEn, setDescriptionEn] = useState(factor?.descriptionEn ?? '');
  const [evidenceNote, setEvidenceNote] = useState(factor?.evidenceNote ?? '');
  const [themeCodes, setThemeCodes] = useState<string[]>(factor?.themeCodes ?? []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  // A refused form puts the keyboard on the first field that needs fixing; its message is its description.
  useEffect(() => {
    if (!error) return;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [error]);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      kind,
      domain,
      ageFrom: toAge(ageFrom),
      ageTo: toAge(ageTo),
      labelDa,
      labelEn,
      descriptionDa,
      descriptionEn,
      evidenceNote,
      themeCodes,
    };
    // The server's own schemas, so the browser and the server agree on what a valid factor is.
    const send = factor
      ? sendParsed(ZUpdateFactorForm.safeParse(fields, { reportInput: true }), (body) =>
          updateFactor(catalogueId, factor.id, body),
        )
      : sendParsed(ZCreateFactorRequest.safeParse({ code, ...fields }, { reportInput: true }), (body) =>
          addFactor(catalogueId, body),
        );
    if ('issues' in send) {
      setError(validationError(send.issues, i18n.language));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await send.request();
      await adoptCatalogue(queryClient, saved);
      const shownCode = factor?.code ?? code.trim();
      onSaved(factor ? t('factor.saved', { code: shownCode }) : t('factor.added', { code: shownCode }));
      onClose();
    } catch (err) {
      setError(err);
      // Published meanwhile (CATALOGUE_PUBLISHED): the page behind the dialog turns read-only.
      if (err instanceof ApiError && err.status === 409) void refreshCatalogues(queryClient);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={onSubmit} noValidate>
      <Stack>
        <ErrorAlert error={error} />
        {factor ? (
          <TextInput
            label={t('factor.code')}
            description={t('factor.codeFixed')}
            value={factor.code}
            readOnly
            data-autofocus
          />
        ) : (
          <TextInput
            label={t('factor.code')}
            description={t('factor.codeHint')}
            required
            maxLength={31}
            autoComplete="off"
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldError(error, 'code')}
            data-autofocus
          />
        )}
        <Radio.Group
          label={t('factor.kind')}
          required
          value={kind}
          onChange={(value) => setKind(value as TFactorKind)}
          error={fieldError(error, 'kind')}
        >
          <Group mt="xs">
            {FACTOR_KINDS.map((k) => (
              <Radio key={k} value={k} label={t(`kind.${k}`)} />
            ))}
          </Group>
        </Radio.Group>
        <NativeSelect
          label={t('factor.domain')}
          required
          data={FACTOR_DOMAINS.map((d) => ({ value: d, label: t(`domain.${d}`) }))}
          value={domain}
          onChange={(e) => setDomain(e.currentTarget.value as TFactorDomain)}
          error={fieldError(error, 'domain')}
        />
        <Fieldset legend={t('factor.age')}>
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <NumberInput
              label={t('factor.ageFrom')}
              min={0}
              max={23}
              allowDecimal={false}
              allowNegative={false}
              value={ageFrom}
              onChange={setAgeFrom}
              error={fieldError(error, 'ageFrom')}
            />
            <NumberInput
              label={t('factor.ageTo')}
              min={0}
              max={23}
              allowDecimal={false}
              allowNegative={false}
              value={ageTo}
              onChange={setAgeTo}
              error={fieldError(error, 'ageTo')}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('factor.danish')}>
          <Stack gap="sm">
            <TextInput
              label={t('factor.labelDa')}
              required
              maxLength={120}
              value={labelDa}
              onChange={(e) => setLabelDa(e.currentTarget.value)}
              error={fieldError(error, 'labelDa')}
            />
            <Textarea
              label={t('factor.descriptionDa')}
              autosize
              minRows={2}
              maxLength={1000}
              value={descriptionDa}
              onChange={(e) => setDescriptionDa(e.currentTarget.value)}
              error={fieldError(error, 'descriptionDa')}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('factor.english')}>
          <Stack gap="sm">
            <TextInput
              label={t('factor.labelEn')}
              required
              maxLength={120}
              lang="en"
              value={labelEn}
              onChange={(e) => setLabelEn(e.currentTarget.value)}
              error={fieldError(error, 'labelEn')}
            />
            <Textarea
              label={t('factor.descriptionEn')}
              autosize
              minRows={2}
              maxLength={1000}
              lang="en"
              value={descriptionEn}
              onChange={(e) => setDescriptionEn(e.currentTarget.value)}
              error={fieldError(error, 'descriptionEn')}
            />
          </Stack>
        </Fieldset>
        <Textarea
          label={t('factor.evidenceNote')}
          description={t('factor.evidenceHint')}
          autosize
          minRows={2}
          maxLength={1000}
          value={evidenceNote}
          onChange={(e) => setEvidenceNote(e.currentTarget.value)}
          error={fieldError(error, 'evidenceNote')}
        />
        <Checkbox.Group
          label={t('factor.themes')}
          description={t('factor.themesHint')}
          value={themeCodes}
          onChange={setThemeCodes}
          error={fieldError(error, 'themeCodes')}
        >
          <Stack gap={6} mt="xs">
            {themes.map((theme) => (
              <Checkbox key={theme.code} value={theme.code} label={themeName(theme, i18n.language)} />
            ))}
          </Stack>
        </Checkbox.Group>
        {themes.length === 0 ? <Text size="sm">{t('factor.noThemesAvailable')}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {factor ? t('factor.submitSave') : t('factor.submitAdd')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

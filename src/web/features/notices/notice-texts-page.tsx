import { Group, Loader, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  NOTICE_AUDIENCES,
  NOTICE_ELEMENTS,
  NOTICE_KINDS,
  type TNoticeAudience,
  type TNoticeKind,
  type TNoticeSections,
  type TNoticeText,
} from '../../../shared/schemas/notices';
import { ActionForm } from '../../components/action-form';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDateTime } from '../../components/format';
import { usePageTitle } from '../../components/page-title';
import { TitledSection } from '../../components/titled-section';
import { noticeTextsQuery, publishNoticeText, saveNoticeSettings } from './queries';

type TLocale = 'da' | 'en';
const SECTIONS = ['intro', ...NOTICE_ELEMENTS] as const;

/**
 * The municipality's notice texts (issue 23): Beskyt's default until the municipality publishes its own
 * version; publishing is refused, field by field, while a required element is missing.
 */
export function NoticeTextsPage() {
  const { t } = useTranslation('notices');
  usePageTitle(t('texts.title'));
  const texts = useQuery(noticeTextsQuery);
  const [kind, setKind] = useState<TNoticeKind>('round');
  const [audience, setAudience] = useState<TNoticeAudience>('guardian');
  const [locale, setLocale] = useState<TLocale>('da');
  const current = texts.data?.texts.find(
    (x) => x.kind === kind && x.audience === audience && x.locale === locale,
  );
  // Kept here: the editor starts afresh from the new version once it is published.
  const [published, setPublished] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another text chosen, the message goes
  useEffect(() => setPublished(null), [kind, audience, locale]);
  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{t('texts.title')}</Title>
        <Text mt="xs">{t('texts.intro')}</Text>
      </div>
      {texts.isPending ? <Loader aria-label={t('texts.loading')} /> : null}
      <ErrorAlert error={texts.error} />
      {texts.data ? (
        <>
          <TitledSection id="choose-title" title={t('texts.choose')}>
            <Group align="end">
              <NativeSelect
                label={t('texts.kind')}
                value={kind}
                onChange={(e) => setKind(e.currentTarget.value as TNoticeKind)}
                data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              />
              <NativeSelect
                label={t('texts.audience')}
                value={audience}
                onChange={(e) => setAudience(e.currentTarget.value as TNoticeAudience)}
                data={NOTICE_AUDIENCES.map((a) => ({ value: a, label: t(`audience.${a}`) }))}
              />
              <NativeSelect
                label={t('texts.locale')}
                value={locale}
                onChange={(e) => setLocale(e.currentTarget.value as TLocale)}
                data={(['da', 'en'] as const).map((l) => ({ value: l, label: t(`locale.${l}`) }))}
              />
            </Group>
          </TitledSection>
          {current ? (
            <TextEditor
              key={`${kind}:${audience}:${locale}:${current.version}`}
              text={current}
              onPublished={setPublished}
            />
          ) : null}
          <div aria-live="polite">
            {published !== null ? <Text>{t('texts.published_ok', { version: published })}</Text> : null}
          </div>
          <Settings age={texts.data.settings.childNoticeAge} version={texts.data.settings.version} />
        </>
      ) : null}
    </Stack>
  );
}

function TextEditor({ text, onPublished }: { text: TNoticeText; onPublished: (version: number) => void }) {
  const { t, i18n } = useTranslation('notices');
  const client = useQueryClient();
  const [sections, setSections] = useState<TNoticeSections>(text.sections);
  const publish = useMutation({
    mutationFn: () =>
      publishNoticeText({
        kind: text.kind,
        audience: text.audience,
        locale: text.locale,
        sections,
        basedOnVersion: text.version,
      }),
    onSuccess: async (saved) => {
      onPublished(saved.version);
      await client.invalidateQueries({ queryKey: ['notices', 'texts'] });
    },
  });
  const title = `${t(`kind.${text.kind}`)} · ${t(`audience.${text.audience}`)} · ${t(`locale.${text.locale}`)}`;
  return (
    <TitledSection id="text-title" title={title}>
      <Text mb="sm">
        <strong>{t('texts.status')}:</strong>{' '}
        {text.isDefault
          ? t('texts.default')
          : t('texts.published', {
              version: text.version,
              date: text.publishedAt ? formatDateTime(text.publishedAt, i18n.language) : '',
              by: text.publishedBy ?? '',
            })}
      </Text>
      <Paper withBorder p="md" maw={900}>
        <ActionForm
          onSubmit={() => publish.mutate()}
          error={publish.error}
          pending={publish.isPending}
          submitLabel={t('texts.publish')}
        >
          {SECTIONS.map((s) => (
            <Textarea
              key={s}
              label={t(`element.${s}`)}
              value={sections[s]}
              onChange={(e) => setSections({ ...sections, [s]: e.currentTarget.value })}
              error={fieldError(publish.error, `sections.${s}`)}
              withAsterisk={s !== 'intro'}
              autosize
              minRows={2}
            />
          ))}
        </ActionForm>
      </Paper>
    </TitledSection>
  );
}

function Settings({ age, version }: { age: number; version: number }) {
  const { t } = useTranslation('notices');
  const client = useQueryClient();
  const [value, setValue] = useState(age);
  useEffect(() => setValue(age), [age]);
  const save = useMutation({
    mutationFn: () => saveNoticeSettings({ childNoticeAge: value, version }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['notices', 'texts'] }),
  });
  return (
    <TitledSection id="settings-title" title={t('texts.settings')}>
      <Paper withBorder p="md" maw={600}>
        <ActionForm
          onSubmit={() => save.mutate()}
          error={save.error}
          pending={save.isPending}
          submitLabel={t('texts.saveSettings')}
        >
          <NumberInput
            label={t('texts.childAge')}
            description={t('texts.childAgeHint')}
            min={12}
            max={18}
            allowDecimal={false}
            value={value}
            onChange={(v) => setValue(typeof v === 'number' ? v : Number(v) || 0)}
            error={fieldError(save.error, 'childNoticeAge')}
            maw={200}
          />
        </ActionForm>
        <div aria-live="polite">
          {save.isSuccess ? <Text mt="sm">{t('texts.settingsSaved')}</Text> : null}
        </div>
      </Paper>
    </TitledSection>
  );
}

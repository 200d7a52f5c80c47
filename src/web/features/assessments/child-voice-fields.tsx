import { Group, Radio, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TChildVoiceKind } from '../../../shared/schemas/assessments';
import type { TViewDraft, TVoiceDraft } from './form-model';

const FACES = [1, 2, 3, 4, 5] as const;
const SCALE = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
// Mouth from very sad (1) to very happy (5): a quadratic curve whose middle moves down as the face brightens.
const MOUTH_Y = { 1: 10.5, 2: 12, 3: 14, 4: 16, 5: 18 } as const;

/** A drawn face for the five-face scale; decorative, the radio's label says it in words. */
function Face({ value }: { value: (typeof FACES)[number] }) {
  return (
    <svg className="face" width="22" height="22" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="10.5" />
      <circle cx="8.5" cy="9.5" r="1.2" fill="#212529" stroke="none" />
      <circle cx="15.5" cy="9.5" r="1.2" fill="#212529" stroke="none" />
      <path d={`M7.5 15 Q12 ${MOUTH_Y[value]} 16.5 15`} fill="none" strokeLinecap="round" />
    </svg>
  );
}

type TFieldErrorOf = (path: string) => string | undefined;

interface TChildVoiceFieldsProps {
  kind: TChildVoiceKind;
  age: number;
  value: TVoiceDraft;
  onChange: (value: TVoiceDraft) => void;
  errorOf: TFieldErrorOf;
}

/**
 * The child's own voice, the way that fits its age on the assessment day: under 6 what the adults
 * observed; 6–12 a five-face scale per question plus the child's words; 13 and over own words and a 1–10 scale.
 */
export function ChildVoiceFields({ kind, age, value, onChange, errorOf }: TChildVoiceFieldsProps) {
  const { t } = useTranslation('assessments');
  const set = (patch: Partial<TVoiceDraft>) => onChange({ ...value, ...patch });
  return (
    <Stack gap="sm">
      <Text size="sm">{t(`voice.intro.${kind}`, { age })}</Text>
      {kind === 'observed' ? (
        <Textarea
          label={t('voice.observed')}
          description={t('voice.observedHint')}
          autosize
          minRows={3}
          maxLength={2000}
          value={value.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          error={errorOf('childVoice.text')}
        />
      ) : null}
      {kind === 'faces' ? (
        <>
          {value.answers.map((answer, index) => (
            <fieldset className="factor-fieldset" key={answer.question}>
              <legend>{answer.question}</legend>
              <Group gap="md" wrap="wrap">
                {FACES.map((face) => (
                  <Radio
                    key={face}
                    name={`voice-face-${index}`}
                    value={String(face)}
                    checked={answer.face === String(face)}
                    onChange={() =>
                      set({
                        answers: value.answers.map((a, i) =>
                          i === index ? { ...a, face: String(face) } : a,
                        ),
                      })
                    }
                    label={
                      <span className="face-option">
                        <Face value={face} />
                        {t(`voice.face.${face}`)}
                      </span>
                    }
                  />
                ))}
              </Group>
            </fieldset>
          ))}
          {errorOf('childVoice.answers') ? (
            <Text c="var(--mantine-color-error)" size="sm">
              {t('voice.answerOne')}
            </Text>
          ) : null}
          <Textarea
            label={t('voice.childWords')}
            autosize
            minRows={2}
            maxLength={2000}
            value={value.words}
            onChange={(e) => set({ words: e.currentTarget.value })}
            error={errorOf('childVoice.words')}
          />
        </>
      ) : null}
      {kind === 'words' ? (
        <>
          <Textarea
            label={t('voice.ownWords')}
            autosize
            minRows={3}
            maxLength={2000}
            value={value.text}
            onChange={(e) => set({ text: e.currentTarget.value })}
            error={errorOf('childVoice.text')}
          />
          <fieldset className="factor-fieldset">
            <legend>{t('voice.scale')}</legend>
            <Text size="sm" mb="xs">
              {t('voice.scaleHint')}
            </Text>
            <Group gap="md" wrap="wrap">
              {SCALE.map((n) => (
                <Radio
                  key={n}
                  name="voice-scale"
                  value={String(n)}
                  label={String(n)}
                  checked={value.scale === String(n)}
                  onChange={() => set({ scale: String(n) })}
                />
              ))}
            </Group>
            {errorOf('childVoice.scale') ? (
              <Text c="var(--mantine-color-error)" size="sm" mt="xs">
                {errorOf('childVoice.scale')}
              </Text>
            ) : null}
          </fieldset>
        </>
      ) : null}
      {errorOf('childVoice.kind') ? (
        <Text c="var(--mantine-color-error)" size="sm">
          {errorOf('childVoice.kind')}
        </Text>
      ) : null}
      <RecordedFields
        prefix="childVoice"
        value={value}
        onChange={(patch) => set(patch)}
        errorOf={errorOf}
        labels={{ by: t('voice.recordedBy'), on: t('voice.recordedOn') }}
      />
    </Stack>
  );
}

interface TRecordedFieldsProps {
  prefix: 'childVoice' | 'parentsView';
  value: { recordedBy: string; recordedOn: string };
  onChange: (patch: { recordedBy?: string; recordedOn?: string }) => void;
  errorOf: TFieldErrorOf;
  labels: { by: string; on: string };
}

function RecordedFields({ prefix, value, onChange, errorOf, labels }: TRecordedFieldsProps) {
  return (
    <Group grow align="flex-start" maw={560}>
      <TextInput
        label={labels.by}
        maxLength={120}
        value={value.recordedBy}
        onChange={(e) => onChange({ recordedBy: e.currentTarget.value })}
        error={errorOf(`${prefix}.recordedBy`)}
      />
      <TextInput
        type="date"
        label={labels.on}
        value={value.recordedOn}
        onChange={(e) => onChange({ recordedOn: e.currentTarget.value })}
        error={errorOf(`${prefix}.recordedOn`)}
      />
    </Group>
  );
}

interface TParentsViewFieldsProps {
  value: TViewDraft;
  onChange: (value: TViewDraft) => void;
  errorOf: TFieldErrorOf;
}

export function ParentsViewFields({ value, onChange, errorOf }: TParentsViewFieldsProps) {
  const { t } = useTranslation('assessments');
  return (
    <Stack gap="sm">
      <Textarea
        label={t('parents.text')}
        description={t('parents.hint')}
        autosize
        minRows={3}
        maxLength={2000}
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.currentTarget.value })}
        error={errorOf('parentsView.text')}
      />
      <RecordedFields
        prefix="parentsView"
        value={value}
        onChange={(patch) => onChange({ ...value, ...patch })}
        errorOf={errorOf}
        labels={{ by: t('parents.recordedBy'), on: t('parents.recordedOn') }}
      />
    </Stack>
  );
}

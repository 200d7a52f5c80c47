import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  POSITIONS,
  voiceKindForAge,
  ZCreateAssessmentRequest,
  ZUpdateAssessmentRequest,
} from '../../../shared/schemas/assessments';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { formatDateTime } from '../../components/format';
import { validationError } from '../../components/validation-error';
import { useMe } from '../auth/session';
import { participationText, useParticipation } from '../referrals/participation-note';
import { ChildVoiceFields, ParentsViewFields } from './child-voice-fields';
import { FactorFieldset, type TOwnState } from './factor-fieldset';
import {
  factorList,
  factorValue,
  formFactors,
  initialDraft,
  parentsInput,
  type TFactorValue,
  type TFormDraft,
  type TFormFactor,
  voiceInput,
} from './form-model';
import { ageOn, todayIso } from './format';
import { OwnComparison } from './own-comparison';
import { PositionShape } from './position';
import { assessmentQuery, createAssessment, invalidateAssessmentViews, updateAssessment } from './queries';
import type { TAssessment, TAssessmentMode, TCatalogue, TChildRef, TOwnAssessments } from './types';

interface TAssessmentFormProps {
  mode: TAssessmentMode;
  child: TChildRef;
  roundId: string;
  catalogue: TCatalogue;
  /** Null for a new assessment. */
  existing: TAssessment | null;
  /** The own assessments of the round, shown beside a joint assessment. */
  own?: TOwnAssessments;
  /** Locked, or another adult's own assessment. */
  readOnly: boolean;
  onCreated: (assessment: TAssessment) => void;
  /** Drops the edits and loads the assessment as saved now (after a conflict). */
  onReload?: () => void;
}

/** Kinds then domains, in the order formFactors gives. */
function groupFactors(factors: readonly TFormFactor[]) {
  const groups: { kind: TFormFactor['kind']; domains: { domain: string; factors: TFormFactor[] }[] }[] = [];
  for (const f of factors) {
    let kind = groups.find((g) => g.kind === f.kind);
    if (!kind) {
      kind = { kind: f.kind, domains: [] };
      groups.push(kind);
    }
    let domain = kind.domains.find((d) => d.domain === f.domain);
    if (!domain) {
      domain = { domain: f.domain, factors: [] };
      kind.domains.push(domain);
    }
    domain.factors.push(f);
  }
  return groups;
}

/**
 * The assessment form, own or joint: the overall position, every factor that fits the child's age, the
 * child's own voice and the parents' view. A joint assessment starts from what the own assessments agree
 * on and marks where they disagree. Saving sends the version it was opened with; a stale save keeps the
 * edits on screen with the server's message.
 */
export function AssessmentForm({
  mode,
  child,
  roundId,
  catalogue,
  existing,
  own,
  readOnly,
  onCreated,
  onReload,
}: TAssessmentFormProps) {
  const { t, i18n } = useTranslation('assessments');
  const me = useMe();
  const queryClient = useQueryClient();
  const today = todayIso();
  const day = existing?.assessedOn ?? today;
  const age = ageOn(child.birthDate, day);
  const voiceKind = voiceKindForAge(age);

  const [draft, setDraft] = useState<TFormDraft>(() =>
    initialDraft(existing, mode === 'joint' ? own : undefined, {
      recordedBy: me?.name ?? '',
      today,
      questions: t(`voice.questions`, { returnObjects: true }) as string[],
    }),
  );
  const [version, setVersion] = useState(existing?.version ?? 0);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  // The codes in the order last sent: the server names a factor's problem by its index ("factors.3.reason").
  const sentCodes = useRef<string[]>([]);

  const factors = useMemo(() => formFactors(catalogue, age, i18n.language), [catalogue, age, i18n.language]);
  // Fixed when the form opens, so a factor does not vanish while the user changes it back to "not known".
  const [shownCodes] = useState(
    () =>
      new Set(
        factors
          .filter((f) => {
            const v = factorValue(draft, f.code);
            return f.applicable || v.state !== 'unknown' || v.reason.trim() !== '';
          })
          .map((f) => f.code),
      ),
  );
  const shown = factors.filter((f) => shownCodes.has(f.code));
  const groups = groupFactors(shown);
  const labels = useMemo(() => new Map(factors.map((f) => [f.code, f.label])), [factors]);

  const participation = useParticipation(child.id);
  const { t: to } = useTranslation('offers');
  const suggestionOf = (code: string, label: string) => {
    const items = readOnly ? undefined : participation.get(code);
    if (!items || items.length === 0) return undefined;
    const source = items.map((p) => participationText(p, to)).join('; ');
    return {
      text: to('participation.suggestion', { source }),
      reason: source,
      useLabel: to('participation.use'),
      useAria: to('participation.useFor', { factor: label }),
    };
  };

  const ownByCode = useMemo(() => {
    const map = new Map<string, { states: TOwnState[]; disagree: boolean }>();
    if (mode !== 'joint' || !own) return map;
    const authors = new Map(own.assessments.map((a) => [a.id, a.author.name ?? t('joint.unknownAuthor')]));
    for (const f of own.factors)
      map.set(f.code, {
        disagree: f.disagree,
        states: f.states.map((s) => ({ ...s, author: authors.get(s.assessmentId) ?? '' })),
      });
    return map;
  }, [mode, own, t]);

  const onFactorChange = useCallback((code: string, value: TFactorValue) => {
    setDraft((d) => ({ ...d, factors: { ...d.factors, [code]: value } }));
  }, []);

  // After a failed save, start the keyboard at the first field with a problem.
  useEffect(() => {
    if (!(error instanceof ApiError) || Object.keys(error.fields).length === 0) return;
    const form = formRef.current;
    const invalid =
      form?.querySelector<HTMLElement>('[aria-invalid="true"]') ??
      (error.fields.position ? form?.querySelector<HTMLElement>('input[name="position"]') : null);
    invalid?.focus();
  }, [error]);

  const errorOf = (path: string) => fieldError(error, path);
  const factorError = (code: string) => {
    const index = sentCodes.current.indexOf(code);
    return index < 0 ? undefined : errorOf(`factors.${index}`);
  };
  const stale = error instanceof ApiError && error.code === 'STALE_VERSION';

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (readOnly) return;
    const factorsSent = factorList(draft, shown);
    sentCodes.current = factorsSent.map((f) => f.code);
    const childVoice = voiceInput(voiceKind, draft.voice);
    const parentsView = parentsInput(draft.parents);
    const note = draft.note.trim();
    const failed = (issues: Parameters<typeof validationError>[0]) => {
      setSavedAt(null);
      setError(validationError(issues, i18n.language));
    };
    const send = async (write: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      setSavedAt(null);
      try {
        await write();
      } catch (err) {
        setError(err);
        // Someone saved or made it first: the page refreshes around the form; the edits stay on screen.
        if (err instanceof ApiError && err.status === 409) void invalidateAssessmentViews(queryClient);
      } finally {
        setBusy(false);
      }
    };
    if (existing) {
      const parsed = ZUpdateAssessmentRequest.safeParse(
        {
          version,
          position: draft.position,
          factors: factorsSent,
          childVoice: childVoice ?? (existing.childVoice ? null : undefined),
          parentsView: parentsView ?? (existing.parentsView ? null : undefined),
          note: note || (existing.note ? null : undefined),
        },
        { reportInput: true },
      );
      if (!parsed.success) return failed(parsed.error.issues);
      await send(async () => {
        const saved = await updateAssessment(existing.id, parsed.data);
        setVersion(saved.version);
        queryClient.setQueryData(assessmentQuery(saved.id).queryKey, saved);
        setSavedAt(saved.updatedAt);
        void invalidateAssessmentViews(queryClient);
      });
      return;
    }
    const parsed = ZCreateAssessmentRequest.safeParse(
      {
        roundId,
        childId: child.id,
        mode,
        position: draft.position || undefined,
        factors: factorsSent,
        childVoice,
        parentsView,
        note: note || undefined,
      },
      { reportInput: true },
    );
    if (!parsed.success) return failed(parsed.error.issues);
    await send(async () => {
      const created = await createAssessment(parsed.data);
      queryClient.setQueryData(assessmentQuery(created.id).queryKey, created);
      void invalidateAssessmentViews(queryClient);
      onCreated(created);
    });
  }

  return (
    <form
      ref={formRef}
      className="assessments-ui"
      onSubmit={onSubmit}
      noValidate
      aria-label={t(`form.label.${mode}`)}
    >
      <fieldset className="plain-fieldset" disabled={readOnly}>
        <Stack gap="xl">
          {mode === 'joint' && own ? (
            <section aria-labelledby="own-heading">
              <Title order={2} size="h3" id="own-heading" mb="xs">
                {t('joint.heading')}
              </Title>
              <OwnComparison own={own} labelOf={(code) => labels.get(code) ?? ''} />
            </section>
          ) : null}

          <section aria-labelledby="position-heading">
            <Title order={2} size="h3" id="position-heading" mb="xs">
              {t('form.position')}
            </Title>
            <fieldset
              className="plain-fieldset"
              aria-labelledby="position-heading"
              aria-describedby={errorOf('position') ? 'position-error' : undefined}
            >
              <Stack gap="sm">
                {POSITIONS.map((p) => (
                  <Radio
                    key={p}
                    name="position"
                    value={p}
                    checked={draft.position === p}
                    onChange={() => setDraft((d) => ({ ...d, position: p }))}
                    label={
                      <span className="face-option">
                        <PositionShape position={p} size={14} />
                        {t(`position.${p}Long`)}
                      </span>
                    }
                    description={t(`position.${p}Description`)}
                  />
                ))}
              </Stack>
            </fieldset>
            {errorOf('position') ? (
              <Text id="position-error" c="var(--mantine-color-error)" size="sm" mt="xs">
                {errorOf('position')}
              </Text>
            ) : null}
          </section>

          {groups.map((group) => (
            <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
              <Title order={2} size="h3" id={`kind-${group.kind}`} mb="xs">
                {t(`kind.${group.kind}`)}
              </Title>
              <Text size="sm" mb="sm">
                {t(`kind.${group.kind}Hint`)}
              </Text>
              <Stack gap="lg">
                {group.domains.map((d) => (
                  <div key={d.domain}>
                    <Title order={3} size="h4" mb="xs">
                      {t(`domain.${d.domain}`, { defaultValue: d.domain })}
                    </Title>
                    <Stack gap="sm">
                      {d.factors.map((f) => {
                        const ownInfo = ownByCode.get(f.code);
                        return (
                          <FactorFieldset
                            key={f.code}
                            factor={f}
                            value={factorValue(draft, f.code)}
                            onChange={onFactorChange}
                            ownStates={ownInfo?.states}
                            disagree={ownInfo?.disagree}
                            reasonError={factorError(f.code)}
                            suggestion={suggestionOf(f.code, f.label)}
                          />
                        );
                      })}
                    </Stack>
                  </div>
                ))}
              </Stack>
            </section>
          ))}
          {shown.length < factors.length ? (
            <Text size="sm">{t('form.hiddenFactors', { count: factors.length - shown.length, age })}</Text>
          ) : null}

          <section aria-labelledby="voice-heading">
            <Title order={2} size="h3" id="voice-heading" mb="xs">
              {t('voice.heading')}
            </Title>
            <ChildVoiceFields
              kind={voiceKind}
              age={age}
              value={draft.voice}
              onChange={(voice) => setDraft((d) => ({ ...d, voice }))}
              errorOf={errorOf}
            />
          </section>

          <section aria-labelledby="parents-heading">
            <Title order={2} size="h3" id="parents-heading" mb="xs">
              {t('parents.heading')}
            </Title>
            <ParentsViewFields
              value={draft.parents}
              onChange={(parents) => setDraft((d) => ({ ...d, parents }))}
              errorOf={errorOf}
            />
          </section>

          <Textarea
            label={t('form.note')}
            autosize
            minRows={2}
            maxLength={2000}
            value={draft.note}
            onChange={(e) => {
              const note = e.currentTarget.value;
              setDraft((d) => ({ ...d, note }));
            }}
            error={errorOf('note')}
          />
        </Stack>
      </fieldset>

      {readOnly ? null : (
        <Paper className="form-actions" withBorder p="sm" mt="xl">
          <ErrorAlert error={error} />
          {stale && onReload ? (
            <Text size="sm" mb="sm">
              {t('form.staleHint')}
            </Text>
          ) : null}
          <Group justify="space-between" wrap="wrap">
            <Text role="status" size="sm">
              {savedAt ? t('form.saved', { at: formatDateTime(savedAt, i18n.language) }) : ''}
            </Text>
            <Group gap="sm">
              {stale && onReload ? (
                <Button variant="default" onClick={onReload}>
                  {t('form.reload')}
                </Button>
              ) : null}
              <Button type="submit" loading={busy}>
                {existing ? t('form.save') : t(`form.create.${mode}`)}
              </Button>
            </Group>
          </Group>
        </Paper>
      )}
    </form>
  );
}

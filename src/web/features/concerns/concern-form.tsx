import {
  Button,
  Checkbox,
  Group,
  Loader,
  MultiSelect,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { containsCpr } from '../../../domain/concerns/anonymous-text';
import { suggestActions } from '../../../domain/handleguide/suggest';
import { PROFESSIONS, type TProfession } from '../../../shared/schemas/concerns';
import { ErrorAlert } from '../../components/error-alert';
import { fieldError } from '../../components/field-errors';
import { can, useMe } from '../auth/session';
import { catalogueQuery, catalogueVersionsQuery } from '../factors/queries';
import { ExceptionFields, emptyException, exceptionRequest } from '../notices/exception-fields';
import { HandleguideSuggestions, OTHER } from './handleguide-suggestions';
import { actionGuidance, signLabel } from './labels';
import { createConcern, handleguideQuery } from './queries';
import type { TConcern, TGuideAction, TLevel } from './types';
import './concerns.css';

interface TProps {
  /** null: an anonymous concern. */
  childId: string | null;
  onSaved: (concern: TConcern) => void;
  onCancel: () => void;
}

type TProblems = Partial<Record<'signs' | 'description' | 'action' | 'otherText', string>>;

/** Records a concern: signs, what was seen, the factors it touches, and the action chosen from the handleguide. */
export function ConcernForm({ childId, onSaved, onCancel }: TProps) {
  const { t, i18n } = useTranslation('concerns');
  const { t: tn } = useTranslation('notices');
  const queryClient = useQueryClient();
  const guide = useQuery(handleguideQuery);
  const versions = useQuery(catalogueVersionsQuery);
  const published = versions.data?.find((v) => v.status === 'published');
  const catalogue = useQuery({ ...catalogueQuery(published?.id ?? ''), enabled: Boolean(published) });
  const [signs, setSigns] = useState<string[]>([]);
  const [description, setDescription] = useState('');
  const [factorCodes, setFactorCodes] = useState<string[]>([]);
  const [profession, setProfession] = useState<TProfession | ''>('');
  const [choice, setChoice] = useState('');
  const [otherText, setOtherText] = useState('');
  const [problems, setProblems] = useState<TProblems>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const me = useMe();
  // Issue 23: telling the parents now could put the child at risk — the exception is saved with the concern.
  const mayExcept = childId !== null && can(me, 'write:notice-exception:unit');
  const [excepting, setExcepting] = useState(false);
  const [exception, setException] = useState(() => emptyException(['concern']));

  const allSigns = guide.data ?? [];
  const suggestion = useMemo(
    () =>
      suggestActions(
        allSigns,
        allSigns.flatMap((s) => s.actions),
        signs,
      ),
    [allSigns, signs],
  );
  // An acute sign leaves level 4 only: a choice at a lower level no longer stands.
  const effectiveChoice = suggestion.acute && !choice.startsWith('4:') ? '' : choice;
  const cprTyped = childId === null && containsCpr(description);
  const guidanceOf = (action: TGuideAction) => [
    ...new Set(
      allSigns
        .filter((s) => signs.includes(s.code))
        .flatMap((s) => s.actions)
        .filter((x) => x.level === action.level && x.code === action.code)
        .map((x) => actionGuidance(x, i18n.language))
        .filter(Boolean),
    ),
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    const [levelText, code] = effectiveChoice.split(':');
    const next: TProblems = {};
    if (signs.length === 0) next.signs = t('form.signRequired');
    if (!description.trim()) next.description = t('form.required');
    if (!effectiveChoice) next.action = t('form.actionRequired');
    if (code === OTHER && !otherText.trim()) next.otherText = t('form.required');
    setProblems(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await createConcern({
        childId,
        signs,
        description,
        factorCodes,
        level: Number(levelText) as TLevel,
        actionCode: code === OTHER ? null : code,
        ...(code === OTHER ? { actionText: otherText } : {}),
        ...(profession ? { profession } : {}),
        ...(mayExcept && excepting ? { noticeException: exceptionRequest(exception) } : {}),
      });
      await queryClient.invalidateQueries({ queryKey: ['concerns'] });
      await queryClient.invalidateQueries({ queryKey: ['alerts'] });
      await queryClient.invalidateQueries({ queryKey: ['notices'] });
      onSaved(saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (guide.isPending) return <Loader aria-label={t('form.loading')} />;
  if (guide.error) return <ErrorAlert error={guide.error} />;
  const factorOptions = (catalogue.data?.factors ?? []).map((f) => ({
    value: f.code,
    label: `${i18n.language === 'en' ? f.labelEn : f.labelDa} (${f.code})`,
  }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <ErrorAlert error={error} />
        {childId === null ? <Text>{t('form.anonymousIntro')}</Text> : null}
        <Checkbox.Group
          label={t('form.signs')}
          description={t('form.signsHint')}
          value={signs}
          onChange={setSigns}
          error={problems.signs ?? fieldError(error, 'signs')}
          required
        >
          <Stack gap={6} mt="xs">
            {allSigns.map((s) => (
              <Checkbox
                key={s.code}
                value={s.code}
                label={
                  s.acute
                    ? `${signLabel(s, i18n.language)} (${t('form.acuteSign')})`
                    : signLabel(s, i18n.language)
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Textarea
          label={t('form.description')}
          description={t('form.descriptionHint')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={problems.description ?? fieldError(error, 'description')}
          required
          autosize
          minRows={4}
        />
        <div aria-live="polite">
          {cprTyped ? (
            <Paper withBorder p="sm" className="error-box">
              <Text>{t('form.cprWarning')}</Text>
            </Paper>
          ) : null}
        </div>
        {factorOptions.length > 0 ? (
          <MultiSelect
            label={t('form.factors')}
            description={t('form.factorsHint')}
            data={factorOptions}
            value={factorCodes}
            onChange={setFactorCodes}
            error={fieldError(error, 'factorCodes')}
            searchable
            clearable
          />
        ) : null}
        <NativeSelect
          label={t('form.profession')}
          value={profession}
          onChange={(e) => setProfession(e.currentTarget.value as TProfession | '')}
          data={[
            { value: '', label: t('form.professionDefault') },
            ...PROFESSIONS.map((p) => ({ value: p, label: t(`profession.${p}`) })),
          ]}
        />
        <section aria-labelledby="suggestions-title">
          <Text component="h2" fw={700} size="lg" id="suggestions-title" mb="xs">
            {t('form.suggestions')}
          </Text>
          {signs.length === 0 ? (
            <Text>{t('form.suggestionsEmpty')}</Text>
          ) : (
            <HandleguideSuggestions
              suggestion={suggestion}
              signs={allSigns}
              choice={effectiveChoice}
              onChoice={setChoice}
              otherText={otherText}
              onOtherText={setOtherText}
              choiceError={problems.action ?? fieldError(error, 'actionCode') ?? fieldError(error, 'level')}
              otherError={problems.otherText ?? fieldError(error, 'actionText')}
              guidanceOf={guidanceOf}
            />
          )}
        </section>
        {mayExcept ? (
          <Stack gap="sm">
            <Checkbox
              label={tn('exception.toggle')}
              description={tn('exception.toggleHint')}
              checked={excepting}
              onChange={(e) => setExcepting(e.currentTarget.checked)}
            />
            {excepting ? (
              <ExceptionFields
                value={exception}
                onChange={setException}
                error={error}
                prefix="noticeException."
              />
            ) : null}
          </Stack>
        ) : null}
        {Object.keys(problems).length > 0 ? (
          <Text role="alert" fw={700}>
            {t('form.fixErrors')}
          </Text>
        ) : null}
        <Group>
          <Button type="submit" loading={busy}>
            {t('form.submit')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

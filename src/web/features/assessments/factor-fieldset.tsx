import { Button, Group, Radio, Text, TextInput } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { FACTOR_STATES } from '../../../shared/schemas/assessments';
import type { TFactorValue, TFormFactor } from './form-model';
import type { TFactorStateValue } from './types';

export interface TOwnState {
  assessmentId: string;
  author: string;
  state: TFactorStateValue;
  reason: string | null;
}

interface TFactorFieldsetProps {
  factor: TFormFactor;
  value: TFactorValue;
  onChange: (code: string, value: TFactorValue) => void;
  /** In a joint assessment: what each own assessment said. */
  ownStates?: TOwnState[];
  disagree?: boolean;
  reasonError?: string;
  /**
   * A suggestion with its source (confirmed attendance in a leisure offer, issue 15 item 7): shown while the
   * factor is not marked present, applied only when the user chooses it — never set by itself.
   */
  suggestion?: { text: string; reason: string; useLabel: string; useAria: string };
}

export const factorElementId = (code: string) => `factor-${code}`;

/** One factor: present / absent / not known, and an optional short reason; a fieldset with the factor as legend. */
export const FactorFieldset = memo(function FactorFieldset({
  factor,
  value,
  onChange,
  ownStates,
  disagree = false,
  reasonError,
  suggestion,
}: TFactorFieldsetProps) {
  const { t } = useTranslation('assessments');
  const id = factorElementId(factor.code);
  return (
    <fieldset className="factor-fieldset" id={id} data-disagree={disagree ? 'true' : undefined}>
      <legend>
        {factor.label}
        {disagree ? (
          <>
            {' '}
            <span className="disagree-mark">
              <span aria-hidden="true">≠</span>
              {t('form.disagree')}
            </span>
          </>
        ) : null}
      </legend>
      {factor.description ? (
        <Text size="sm" mb={6}>
          {factor.description}
        </Text>
      ) : null}
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Group gap="md" wrap="wrap" pb={8}>
          {FACTOR_STATES.map((state) => (
            <Radio
              key={state}
              name={id}
              value={state}
              label={t(`state.${state}`)}
              checked={value.state === state}
              onChange={() => onChange(factor.code, { ...value, state })}
            />
          ))}
        </Group>
        <TextInput
          size="xs"
          label={t('form.reason')}
          maxLength={500}
          value={value.reason}
          onChange={(e) => onChange(factor.code, { ...value, reason: e.currentTarget.value })}
          error={reasonError}
          style={{ flex: '1 1 16rem' }}
        />
      </Group>
      {suggestion && value.state !== 'present' ? (
        <Group gap="xs" mt={6} align="center" wrap="wrap" data-testid={`suggestion-${factor.code}`}>
          <Text size="sm" c="teal.9">
            {suggestion.text}
          </Text>
          <Button
            size="compact-sm"
            variant="light"
            aria-label={suggestion.useAria}
            onClick={() =>
              onChange(factor.code, {
                state: 'present',
                reason: value.reason.trim() ? value.reason : suggestion.reason.slice(0, 500),
              })
            }
          >
            {suggestion.useLabel}
          </Button>
        </Group>
      ) : null}
      {ownStates && ownStates.length > 0 ? (
        <Group gap={6} mt={6} align="baseline" wrap="nowrap">
          <Text size="sm" fw={700} id={`${id}-own`} style={{ flex: 'none' }}>
            {t('form.ownSaid')}
          </Text>
          <ul className="own-states" aria-labelledby={`${id}-own`}>
            {ownStates.map((s) => (
              <li key={s.assessmentId}>
                {s.author}: <strong>{t(`state.${s.state}`)}</strong>
                {s.reason ? ` – ${s.reason}` : ''}
              </li>
            ))}
          </ul>
        </Group>
      ) : null}
    </fieldset>
  );
});

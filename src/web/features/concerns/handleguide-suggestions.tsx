import { Anchor, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSuggestion } from '../../../domain/handleguide/suggest';
import { actionTitle, signNames } from './labels';
import type { TGuideAction, TGuideSign, TLevel } from './types';

export const OTHER = 'other';

interface TProps {
  suggestion: TSuggestion<TGuideAction>;
  signs: TGuideSign[];
  /** `${level}:${actionCode}` or `${level}:other`. */
  choice: string;
  onChoice: (value: string) => void;
  otherText: string;
  onOtherText: (value: string) => void;
  choiceError?: string;
  otherError?: string;
  /** The guidance for an action from every chosen sign that lists it (an action shared by signs shows each sign's advice). */
  guidanceOf: (action: TGuideAction) => string[];
}

/**
 * The handleguide's suggestions for the chosen signs, level by level, as the choices of one radio group:
 * each action with its plain-language guidance and links to offers, and a free-text action per level. An
 * acute sign leaves level 4 only, and says so.
 */
export function HandleguideSuggestions(props: TProps) {
  const { t, i18n } = useTranslation('concerns');
  const { suggestion } = props;
  const levels: TLevel[] = suggestion.acute ? [4] : [1, 2, 3, 4];
  return (
    <Stack gap="md">
      {suggestion.acute ? (
        <Paper withBorder p="sm" className="error-box" role="alert">
          <Text fw={700}>{t('form.acuteTitle')}</Text>
          <Text>
            {t('form.acuteBody', { signs: signNames(suggestion.acuteSigns, props.signs, i18n.language) })}
          </Text>
        </Paper>
      ) : null}
      <Radio.Group
        label={t('form.chooseAction')}
        value={props.choice}
        onChange={props.onChoice}
        error={props.choiceError}
        required
      >
        <Stack gap="lg" mt="xs">
          {levels.map((level) => (
            <fieldset key={level} className="plain-fieldset">
              <legend>
                <Title order={3} size="h5">
                  {t(`level.${level}`)}
                </Title>
              </legend>
              <Stack gap="sm">
                {suggestion.byLevel[level].length === 0 ? (
                  <Text size="sm">{t('form.noActionsAtLevel')}</Text>
                ) : null}
                {suggestion.byLevel[level].map((a) => (
                  <div key={a.code}>
                    <Radio value={`${level}:${a.code}`} label={actionTitle(a, i18n.language)} />
                    {props.guidanceOf(a).map((text) => (
                      <Text key={text} size="sm" ml={32}>
                        {text}
                      </Text>
                    ))}
                    {a.links.length > 0 ? (
                      <ul className="concern-links">
                        {a.links.map((l) => (
                          <li key={l.url}>
                            <Anchor href={l.url} target="_blank" rel="noreferrer" size="sm">
                              {l.label}
                            </Anchor>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                ))}
                <Radio
                  value={`${level}:${OTHER}`}
                  label={t('form.otherAction', { level: t(`level.${level}`) })}
                />
                {props.choice === `${level}:${OTHER}` ? (
                  <Textarea
                    ml={32}
                    label={t('form.otherActionText')}
                    value={props.otherText}
                    onChange={(e) => props.onOtherText(e.currentTarget.value)}
                    error={props.otherError}
                    required
                    autosize
                    minRows={2}
                  />
                ) : null}
              </Stack>
            </fieldset>
          ))}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}

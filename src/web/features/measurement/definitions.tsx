import { ActionIcon, Paper, Popover, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TDefinition, TDefinitionTerm } from './types';

/** The terms explained beside the figures, in the order a reader meets them. */
const PANEL_TERMS: readonly TDefinitionTerm[] = [
  'parameter',
  'protectiveShare',
  'n',
  'ci95',
  'coverage',
  'suppression',
  'significance',
];

/** The definition of every figure on the page, as the server words it (domain.md: "shown next to every figure"). */
export function DefinitionsPanel({ definition }: { definition: TDefinition }) {
  const { t } = useTranslation('measurement');
  const headingId = useId();
  const terms = PANEL_TERMS.filter((term) => definition[term]);
  if (terms.length === 0) return null;
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby={headingId}>
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('definitions.title')}
      </Title>
      <dl className="measurement-definitions">
        {terms.map((term) => (
          <div key={term}>
            <dt>{definition[term]?.label}</dt>
            <dd>{definition[term]?.text}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}

interface TDefinitionHintProps {
  definition: TDefinition;
  term: TDefinitionTerm;
}

/** A small button beside a figure's heading that opens its definition; reachable and closable by keyboard. */
export function DefinitionHint({ definition, term }: TDefinitionHintProps) {
  const { t } = useTranslation('measurement');
  const text = definition[term];
  if (!text) return null;
  return (
    <Popover width={320} position="bottom" withArrow shadow="md" trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="sm"
          radius="xl"
          aria-label={t('definitions.about', { term: text.label })}
          className="measurement-hint"
        >
          <span aria-hidden="true">i</span>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown aria-label={text.label}>
        <Text fw={700} size="sm">
          {text.label}
        </Text>
        <Text size="sm">{text.text}</Text>
      </Popover.Dropdown>
    </Popover>
  );
}

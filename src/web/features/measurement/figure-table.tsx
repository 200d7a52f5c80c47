import { Group, Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DefinitionHint } from './definitions';
import type { TDefinition, TDefinitionTerm } from './types';

/** A column heading with the definition of its figure one keypress away. */
export function FigureHeading({
  definition,
  term,
  children,
}: {
  definition: TDefinition;
  term?: TDefinitionTerm;
  children: ReactNode;
}) {
  return (
    <Table.Th scope="col">
      <Group gap={4} wrap="nowrap">
        <span>{children}</span>
        {term ? <DefinitionHint definition={definition} term={term} /> : null}
      </Group>
    </Table.Th>
  );
}

/** The four headings that go with `SummaryCells`. */
export function SummaryHeadings({ definition }: { definition: TDefinition }) {
  const { t } = useTranslation('measurement');
  return (
    <>
      <FigureHeading definition={definition} term="n">
        {t('columns.n')}
      </FigureHeading>
      <FigureHeading definition={definition} term="protectiveShare">
        {t('columns.mean')}
      </FigureHeading>
      <FigureHeading definition={definition} term="ci95">
        {t('columns.ci95')}
      </FigureHeading>
      <FigureHeading definition={definition} term="coverage">
        {t('columns.coverage')}
      </FigureHeading>
    </>
  );
}

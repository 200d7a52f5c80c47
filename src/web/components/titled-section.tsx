import { Title } from '@mantine/core';
import type { ReactNode } from 'react';

interface TTitledSectionProps {
  /** The heading's id; the section is labelled by it. */
  id: string;
  title: string;
  children: ReactNode;
}

/** A page section named by its own level-2 heading (shown at h3 size). */
export function TitledSection({ id, title, children }: TTitledSectionProps) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} id={id} size="h3" mb="xs">
        {title}
      </Title>
      {children}
    </section>
  );
}

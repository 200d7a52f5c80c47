import { Container, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './language-switch';

/** Header and main for pages shown without the navigation (login, not found). */
export function PlainShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <header>
        <Container size="sm" py="md">
          <Group justify="space-between">
            <Text fw={700} size="xl">
              Beskyt
            </Text>
            <LanguageSwitch />
          </Group>
        </Container>
      </header>
      <main id="main" tabIndex={-1}>
        <Container size="sm" py="md">
          {children}
        </Container>
      </main>
    </>
  );
}

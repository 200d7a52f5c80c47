import { AppShell, Burger, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useLocation } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../../components/language-switch';
import { LogoutButton } from './logout-button';
import { MainNav } from './main-nav';
import { useMe } from './session';

export function AppLayout() {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { toggle, close }] = useDisclosure();
  const pathname = useLocation({ select: (l) => l.pathname });
  const main = useRef<HTMLElement>(null);
  const shownPath = useRef(pathname);

  // After a client-side navigation, start screen readers and keyboard users at the new page.
  useEffect(() => {
    close();
    // Compared with the last path rather than "first render", which StrictMode runs twice.
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus();
  }, [pathname, close]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipLink')}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={t('nav.toggle')}
              />
              <Text fw={700} size="xl">
                Beskyt
              </Text>
              <Text visibleFrom="sm">{me?.municipality.name}</Text>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <Text visibleFrom="sm" size="sm">
                {me?.name}
              </Text>
              <LanguageSwitch />
              <LogoutButton />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('nav.label')} style={{ overflowY: 'auto' }}>
          <MainNav />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1} ref={main}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
    </>
  );
}

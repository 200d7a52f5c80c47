import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { meQuery, useMe } from '../features/auth/session';
import { i18n, rememberLocale, type TLocale } from '../i18n';

/** Offers the other language, written in that language. */
export function LanguageSwitch() {
  const me = useMe();
  const queryClient = useQueryClient();
  const next: TLocale = i18n.language === 'en' ? 'da' : 'en';

  async function switchTo(locale: TLocale) {
    rememberLocale(locale);
    await i18n.changeLanguage(locale);
    if (!me) return;
    queryClient.setQueryData(meQuery.queryKey, (old) => (old ? { ...old, locale } : old));
    try {
      await api.put('/api/v1/auth/locale', { locale });
    } catch {
      // The cookie already carries the choice; the saved preference is only a default for next time.
    }
  }

  return (
    <Button variant="default" size="xs" lang={next} onClick={() => void switchTo(next)}>
      {next === 'en' ? 'English' : 'Dansk'}
    </Button>
  );
}

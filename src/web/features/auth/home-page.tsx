import { Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { usePageTitle } from '../../components/page-title';
import { TodayPanel } from '../today/today-panel';
import { can, useMe } from './session';

export function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('home.title'));

  const links = [
    can(me, 'read:child:unit') && { to: '/boern' as const, label: t('home.children') },
    (can(me, 'read:measurement:municipality') || can(me, 'read:measurement:unit')) && {
      to: '/maaling' as const,
      label: t('home.measurement'),
    },
    can(me, 'manage:user:municipality') && { to: '/admin/brugere' as const, label: t('home.users') },
    can(me, 'manage:org:municipality') && { to: '/admin/enheder' as const, label: t('home.units') },
    can(me, 'read:audit:municipality') && { to: '/admin/revisionslog' as const, label: t('home.audit') },
    can(me, 'read:referral:provider') && { to: '/henvisninger' as const, label: t('home.partnerReferrals') },
    can(me, 'read:offer:municipality') && { to: '/tilbud' as const, label: t('home.offers') },
  ].filter((link) => link !== false);

  return (
    <>
      <Title order={1}>{t('home.greeting', { name: me?.name ?? '' })}</Title>
      <Text mt="sm">{t('home.intro', { municipality: me?.municipality.name ?? '' })}</Text>
      <TodayPanel />
      <Title order={2} size="h3" mt="xl">
        {t('home.whatYouCanDo')}
      </Title>
      {links.length > 0 ? (
        <ul>
          {links.map((link) => (
            <li key={link.to}>
              <AnchorLink to={link.to}>{link.label}</AnchorLink>
            </li>
          ))}
        </ul>
      ) : (
        <Text mt="sm">{t('home.nothing')}</Text>
      )}
    </>
  );
}

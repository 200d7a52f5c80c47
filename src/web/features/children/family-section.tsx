import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../components/format';
import { AnchorLink } from '../../components/links';
import type { TChildProfile } from './types';

/** Siblings the user has no relation to are named but not linked: the server would refuse the profile. */
export function FamilySection({ family }: Pick<TChildProfile, 'family'>) {
  const { t, i18n } = useTranslation('children');
  if (!family) return <Text>{t('profile.noFamily')}</Text>;
  return (
    <>
      <Text mb="xs">{t('profile.familyName', { name: family.name })}</Text>
      {family.siblings.length === 0 ? (
        <Text>{t('profile.noSiblings')}</Text>
      ) : (
        <ul>
          {family.siblings.map((s) => {
            const name = `${s.firstName} ${s.lastName}`;
            const born = t('profile.born', { date: formatDate(s.birthDate, i18n.language) });
            return (
              <li key={s.id}>
                {s.accessible ? (
                  <AnchorLink to="/boern/$childId" params={{ childId: s.id }}>
                    {name}
                  </AnchorLink>
                ) : (
                  name
                )}{' '}
                ({born})
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

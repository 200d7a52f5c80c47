import { Button, Group } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ageInYears, formatDate } from '../../components/format';
import { can, useMe } from '../auth/session';
import { CprRevealModal } from './cpr-reveal-modal';
import type { TChildProfile } from './types';

export function ChildFacts({ child }: { child: TChildProfile }) {
  const { t, i18n } = useTranslation('children');
  const me = useMe();
  const [opened, { open, close }] = useDisclosure(false);
  const [cpr, setCpr] = useState<string | null>(null);

  return (
    <>
      <dl className="facts">
        <dt>{t('fields.name')}</dt>
        <dd>
          {child.firstName} {child.lastName}
        </dd>
        <dt>{t('fields.birthDate')}</dt>
        <dd>{formatDate(child.birthDate, i18n.language)}</dd>
        <dt>{t('fields.age')}</dt>
        <dd>{t('profile.years', { count: ageInYears(child.birthDate) })}</dd>
        <dt>{t('fields.gender')}</dt>
        <dd>{t(`gender.${child.gender}`, { defaultValue: child.gender })}</dd>
        <dt>{t('fields.cpr')}</dt>
        <dd>
          <Group gap="sm">
            <span data-testid="cpr-value">{cpr ?? child.cprMasked}</span>
            {cpr === null && can(me, 'reveal:cpr:unit') ? (
              <Button size="xs" variant="light" onClick={open}>
                {t('cpr.show')}
              </Button>
            ) : null}
          </Group>
        </dd>
      </dl>
      <CprRevealModal childId={child.id} opened={opened} onClose={close} onRevealed={setCpr} />
    </>
  );
}

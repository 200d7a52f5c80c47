import { useTranslation } from 'react-i18next';
import { can, useMe } from '../auth/session';
import { ButtonLink } from '../concerns/button-link';

/** On a child's profile: file a notification about this child (duty to notify). */
export function ChildNotifyLink({ childId }: { childId: string }) {
  const { t } = useTranslation('notifications');
  const me = useMe();
  if (!can(me, 'write:notification:unit')) return null;
  return (
    <div>
      <ButtonLink to="/mine-underretninger/ny" search={{ childId }} variant="light">
        {t('form.notifyAboutChild')}
      </ButtonLink>
    </div>
  );
}

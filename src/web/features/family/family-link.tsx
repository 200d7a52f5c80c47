import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { can, useMe } from '../auth/session';

/** The way from a child's profile to the one view of its family (issue 16, item 5). */
export function FamilyLink({ childId }: { childId: string }) {
  const { t } = useTranslation('network');
  const me = useMe();
  if (!can(me, 'read:network:unit') && !can(me, 'read:network:team')) return null;
  return (
    <AnchorLink to="/boern/$childId/familie" params={{ childId }}>
      {t('family.open')}
    </AnchorLink>
  );
}

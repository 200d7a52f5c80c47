import { Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TPermission } from '../../shared/permissions';
import { can, useMe } from '../features/auth/session';
import { usePageTitle } from './page-title';

interface TRequirePermissionProps {
  /** A list lets in a user holding any one of them. */
  permission: TPermission | readonly TPermission[];
  children: ReactNode;
}

/** The UI hides what the server would refuse; this covers a typed-in address. */
export function RequirePermission({ permission, children }: TRequirePermissionProps) {
  const me = useMe();
  if ([permission].flat().some((p) => can(me, p))) return <>{children}</>;
  return <Forbidden />;
}

function Forbidden() {
  const { t } = useTranslation();
  usePageTitle(t('forbidden.title'));
  return (
    <>
      <Title order={1}>{t('forbidden.title')}</Title>
      <Text mt="md">{t('forbidden.body')}</Text>
    </>
  );
}

import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { logout, meKey } from './session';

export function LogoutButton() {
  const { t } = useTranslation('auth');
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  async function onClick() {
    try {
      await logout();
    } finally {
      // Nothing read under this session may linger in the cache for the next user.
      queryClient.clear();
      queryClient.setQueryData(meKey, null);
      await navigate({ to: '/login' });
    }
  }

  return (
    <Button variant="default" size="xs" onClick={() => void onClick()}>
      {t('logout')}
    </Button>
  );
}

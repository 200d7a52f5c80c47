import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { NoticesPage } from '../features/notices/notices-page';
import { appRoute } from './app-layout';

export const noticesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oplysningspligt',
  component: () => (
    <RequirePermission permission={['manage:notice:unit', 'manage:notice:team', 'read:notice:municipality']}>
      <NoticesPage />
    </RequirePermission>
  ),
});

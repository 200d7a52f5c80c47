import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const NoticesPage = lazyRouteComponent(() => import('../features/notices/notices-page'), 'NoticesPage');

export const noticesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/oplysningspligt',
  component: () => (
    <RequirePermission permission={['manage:notice:unit', 'manage:notice:team', 'read:notice:municipality']}>
      <NoticesPage />
    </RequirePermission>
  ),
});

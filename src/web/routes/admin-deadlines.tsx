import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const DeadlinesPage = lazyRouteComponent(
  () => import('../features/deadline-settings/deadline-settings-page'),
  'DeadlinesPage',
);

export const adminDeadlinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/frister',
  component: () => (
    <RequirePermission permission="read:deadline:municipality">
      <DeadlinesPage />
    </RequirePermission>
  ),
});

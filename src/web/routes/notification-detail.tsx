import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const NotificationPage = lazyRouteComponent(
  () => import('../features/notifications/notification-page'),
  'NotificationPage',
);

export const notificationDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/underretninger/$notificationId',
  component: () => (
    <RequirePermission permission="read:notification:municipality">
      <NotificationPage />
    </RequirePermission>
  ),
});

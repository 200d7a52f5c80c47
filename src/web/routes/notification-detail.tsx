import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { NotificationPage } from '../features/notifications/notification-page';
import { appRoute } from './app-layout';

export const notificationDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/underretninger/$notificationId',
  component: () => (
    <RequirePermission permission="read:notification:municipality">
      <NotificationPage />
    </RequirePermission>
  ),
});

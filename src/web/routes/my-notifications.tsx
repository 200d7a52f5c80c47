import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { uuid } from './search-params';

const MyNotificationsPage = lazyRouteComponent(
  () => import('../features/notifications/my-notifications-page'),
  'MyNotificationsPage',
);
const NewNotificationPage = lazyRouteComponent(
  () => import('../features/notifications/my-notifications-page'),
  'NewNotificationPage',
);

export const myNotificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mine-underretninger',
  validateSearch: (search: Record<string, unknown>): { sent?: string } => ({
    sent: typeof search.sent === 'string' && /^U-[0-9A-Z]{6}$/.test(search.sent) ? search.sent : undefined,
  }),
  component: () => (
    <RequirePermission permission="read:notification:own">
      <MyNotificationsPage />
    </RequirePermission>
  ),
});

export const newNotificationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/mine-underretninger/ny',
  validateSearch: (search: Record<string, unknown>): { childId?: string } => ({
    childId: uuid(search.childId),
  }),
  component: () => (
    <RequirePermission permission="write:notification:unit">
      <NewNotificationPage />
    </RequirePermission>
  ),
});

import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { STATUSES, type TQueueStatus } from '../features/notifications/queries';

const QueuePage = lazyRouteComponent(
  () => import('../features/notifications/notifications-queue-page'),
  'QueuePage',
);

import { appRoute } from './app-layout';
import { positiveInt } from './search-params';

export const notificationsQueueRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/underretninger',
  validateSearch: (search: Record<string, unknown>): { page?: number; status?: TQueueStatus } => ({
    page: positiveInt(search.page),
    status: STATUSES.includes(search.status as TQueueStatus) ? (search.status as TQueueStatus) : undefined,
  }),
  component: () => (
    <RequirePermission permission="read:notification:municipality">
      <QueuePage />
    </RequirePermission>
  ),
});

import { createRoute } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { QueuePage, STATUSES } from '../features/notifications/notifications-queue-page';
import type { TQueueStatus } from '../features/notifications/queries';
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

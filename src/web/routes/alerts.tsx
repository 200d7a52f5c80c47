import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';
import { positiveInt } from './search-params';

const AlertsPage = lazyRouteComponent(() => import('../features/alerts/alerts-page'), 'AlertsPage');

export const alertsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/advarsler',
  validateSearch: (search: Record<string, unknown>): { page?: number; unread?: boolean } => ({
    page: positiveInt(search.page),
    unread: search.unread === true || search.unread === 'true' ? true : undefined,
  }),
  component: () => (
    <RequirePermission permission="read:alert:own">
      <AlertsPage />
    </RequirePermission>
  ),
});

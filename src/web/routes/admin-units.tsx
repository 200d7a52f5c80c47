import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const AdminUnitsPage = lazyRouteComponent(() => import('../features/org/units-page'), 'AdminUnitsPage');

export const adminUnitsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/enheder',
  component: () => (
    <RequirePermission permission="manage:org:municipality">
      <AdminUnitsPage />
    </RequirePermission>
  ),
});

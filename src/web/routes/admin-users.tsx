import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const AdminUsersPage = lazyRouteComponent(() => import('../features/users/users-page'), 'AdminUsersPage');

export const adminUsersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/brugere',
  component: () => (
    <RequirePermission permission="manage:user:municipality">
      <AdminUsersPage />
    </RequirePermission>
  ),
});

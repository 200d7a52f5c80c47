import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import { RequirePermission } from '../components/require-permission';
import { appRoute } from './app-layout';

const RoleGrantsPage = lazyRouteComponent(
  () => import('../features/users/role-grants-page'),
  'RoleGrantsPage',
);

export const adminRoleGrantsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/admin/rolletildelinger',
  component: () => (
    <RequirePermission permission={['manage:user:municipality', 'confirm:grant:unit']}>
      <RoleGrantsPage />
    </RequirePermission>
  ),
});
